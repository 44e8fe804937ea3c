import Observer

/// A numbered event for the tests; its kind is its parity.
struct Numbered: KindedEvent, Equatable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    enum Kind { case even, odd }

    let value: Int

    init(_ value: Int) { self.value = value }
    init(integerLiteral value: Int) { self.value = value }

    var kind: Kind { value.isMultiple(of: 2) ? .even : .odd }
    var description: String { String(value) }
}
