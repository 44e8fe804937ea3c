/// A parsed JSON value that keeps what a safetensors header check needs and `JSONSerialization`
/// loses: object members in file order (so duplicate keys can be reported) and numbers as their
/// literal text (so `1.0`, `1e3` and integers beyond `Int` can be told apart from plain integers).
enum JSONValue {
    /// One `"key": value` pair of an object.
    struct Member {
        let key: String
        let value: JSONValue
    }

    case object([Member])
    case array([JSONValue])
    case string(String)
    /// The number exactly as written, already checked against the JSON number grammar.
    case number(String)
    case bool(Bool)
    case null

    /// What kind of value this is, for error messages ("found a string").
    var kindDescription: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number(let text): "the number \(text)"
        case .bool(let value): "\(value)"
        case .null: "null"
        }
    }
}
