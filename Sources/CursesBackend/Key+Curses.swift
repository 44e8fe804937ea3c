import CNCursesW

extension Key {
    /// The key for a `wget_wch` result: nil on timeout (ERR), a named key for a key code
    /// (status KEY_CODE_YES), else the character.
    static func decode(status: Int32, code: UInt32) -> Key? {
        if status == ERR { return nil }
        if status == ganscope_key_code_yes() { return keyCode(Int32(bitPattern: code)) }
        return character(code)
    }

    private static func keyCode(_ code: Int32) -> Key {
        switch code {
        case ganscope_key_resize(): return .resize
        case ganscope_key_left(): return .left
        case ganscope_key_right(): return .right
        case ganscope_key_up(): return .up
        case ganscope_key_down(): return .down
        case ganscope_key_home(): return .home
        case ganscope_key_end(): return .end
        case ganscope_key_page_up(): return .pageUp
        case ganscope_key_page_down(): return .pageDown
        case ganscope_key_backspace(): return .backspace
        case ganscope_key_delete(): return .delete
        case ganscope_key_enter(): return .enter
        case ganscope_key_back_tab(): return .backTab
        case ganscope_key_f(1)...ganscope_key_f(63): return .function(Int(code - ganscope_key_f(0)))
        default: return .other(code)
        }
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        // nonl() makes Enter arrive as CR; LF comes from Ctrl-J or pasted text.
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 0..<32: return .other(Int32(code))
        default:
            return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }
}
