import Foundation

/// Data that the development and CI machines keep in `shared/`, beside the repository (it is not
/// in a user's clone, so the tests that use it skip when it is absent).
public enum SharedData {
    /// `../shared/data/mnist` from the repository root, found from this file's path so that it
    /// holds wherever the clone is and whatever the working directory of the test run.
    public static let mnistFolder: String = {
        let repository = URL(fileURLWithPath: #filePath)  // …/Tests/TestSupport/SharedData.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data/mnist").standardized.path
    }()
}
