/// Short number labels for axes: `0.69`, `1.39`, `12.5`, `340`, `1.2k`, `12k`, `3.4M`.
///
/// Written without Foundation so the drawing kit stays dependency-free.
public enum CompactNumber {
    /// Formats a value in at most about five columns.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        let body: String
        switch magnitude {
        case 1e9...: body = fixed(magnitude / 1e9, decimals: magnitude < 1e10 ? 1 : 0) + "G"
        case 1e6..<1e9: body = fixed(magnitude / 1e6, decimals: magnitude < 1e7 ? 1 : 0) + "M"
        case 9999.5..<1e6: body = fixed(magnitude / 1e3, decimals: 0) + "k"
        case 999.5..<9999.5: body = fixed(magnitude / 1e3, decimals: 1) + "k"
        case 99.995..<999.5: body = fixed(magnitude, decimals: 0)
        case 9.995..<99.995: body = fixed(magnitude, decimals: 1)
        case 0.005..<9.995, 0: body = fixed(magnitude, decimals: 2)
        default: return sign + scientific(magnitude)
        }
        return body == "0.00" ? body : sign + body
    }

    /// `value` rounded to a fixed number of decimals (value is non-negative and moderate).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard decimals > 0 else { return String(scaled) }
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(whole).\(fraction)"
    }

    /// A small magnitude as `1.2e-3`.
    private static func scientific(_ magnitude: Double) -> String {
        var mantissa = magnitude
        var exponent = 0
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        return fixed(mantissa, decimals: 1) + "e\(exponent)"
    }
}
