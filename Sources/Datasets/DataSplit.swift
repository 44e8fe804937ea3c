/// Which part of a data set to load: the training data or held-out data for evaluation.
///
/// Built-in sets draw the two splits from independent random streams, so they never share a
/// sample; IDX folders hold the test split in the `t10k-*` files.
public enum DataSplit: Sendable {
    case train
    case test
}
