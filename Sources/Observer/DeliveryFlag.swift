import Synchronization

/// A one-way switch telling a ``Subject`` whether a subscription still wants events.
///
/// A send copies the subscriber list before calling handlers; checking this flag just before each
/// call lets a cancel stop deliveries from sends that are already under way but have not yet
/// reached that handler.
final class DeliveryFlag: Sendable {
    private let active = Atomic<Bool>(true)

    /// Whether the subscription has not been cancelled yet.
    var isActive: Bool {
        active.load(ordering: .acquiring)
    }

    /// Marks the subscription cancelled; it never becomes active again.
    func deactivate() {
        active.store(false, ordering: .releasing)
    }
}
