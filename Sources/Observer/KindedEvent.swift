/// An event that falls into one of a few kinds, so that a subscriber can take only the kinds it
/// uses and a producer can skip building an event nobody wants (see ``Subject/wants(_:)``).
///
/// ```swift
/// enum Reading: KindedEvent {
///     case temperature(Double), picture([UInt8])
///     enum Kind { case temperature, picture }
///     var kind: Kind { switch self { case .temperature: .temperature; case .picture: .picture } }
/// }
/// ```
public protocol KindedEvent: Sendable {
    associatedtype Kind: Hashable, Sendable
    var kind: Kind { get }
}
