import CNCursesW
import Synchronization
import TerminalUI

#if canImport(Glibc)
import Glibc
#endif

/// The terminal screen through curses: setup and teardown, key input and drawing of a
/// ``CellGrid``. The only type in ganscope that talks to curses.
///
/// Use it from the main thread only (curses is not thread-safe); one may be open at a time.
///
/// ```swift
/// let terminal = try CursesTerminal.open()
/// defer { terminal.close() }
/// while true {
///     if let key = terminal.readKey(timeoutMilliseconds: 33), key == .char("q") { break }
///     terminal.draw(view(state, terminal.size))
/// }
/// ```
public final class CursesTerminal {
    /// Where the screen goes.
    public enum Output: Sendable {
        /// The process's terminal (stdin/stdout), with TERM from the environment.
        case terminal
        /// Nowhere: /dev/null with the given terminal type, for tests without a TTY.
        case nullDevice(term: String)
    }

    /// Whether a terminal is open in this process.
    private static let anyOpen = Mutex(false)

    public let colorDepth: ColorDepth
    /// Whether the locale's character set is UTF-8 (choose `Glyphs.unicode` then).
    public let isUTF8: Bool
    public private(set) var isOpen = true

    private let screen: OpaquePointer
    /// The standard screen window.
    let window: UnsafeMutablePointer<WINDOW>
    private let files: [UnsafeMutablePointer<FILE>]
    private let hasDefaultColors: Bool
    /// Whether curses takes colours as 24-bit RGB numbers (ncurses' direct-colour mode, e.g.
    /// TERM=xterm-direct) rather than palette indices.
    private let cursesTakesRGB: Bool
    var pairs: ColorPairRegistry
    /// What the screen shows, to skip unchanged cells; nil forces a full redraw.
    var shown: CellGrid?
    /// The last style drawn and its curses attributes and pair: neighbouring cells mostly share one.
    var lastStyle: (style: Style, attributes: attr_t, pair: Int32)?
    /// A NUL-terminated buffer of code points for one cell, reused for every cell.
    let text = UnsafeMutablePointer<wchar_t>.allocate(capacity: Int(CCHARW_MAX) + 1)
    /// Writes frames past curses on 256-colour UTF-8 terminals (nil: curses draws); see
    /// ``draw(_:)`` for why.
    let encoder: FrameEncoder?
    /// Where the screen's bytes go, for frames written past curses.
    let outputDescriptor: Int32
    /// One frame's bytes, reused so a frame allocates nothing once it has grown.
    var frameBytes: [UInt8] = []
    /// Set by SIGCONT: after a suspend (Ctrl-Z, `fg`) curses repaints its own, blank idea of the
    /// screen, so the next frame must be drawn whole.
    private static let resumed = Atomic<Bool>(false)

    /// Starts curses on `output`: sets the locale from the environment, then cbreak, no echo,
    /// keypad keys, no newline translation, hidden cursor and, when available, colours with the
    /// terminal's default background.
    /// - Parameter locale: passed to `setlocale(LC_ALL, …)`; "" means the environment's.
    public static func open(_ output: Output = .terminal, locale: String = "") throws(CursesError) -> CursesTerminal {
        let claimed = anyOpen.withLock { open in
            defer { open = true }
            return !open
        }
        guard claimed else { throw .alreadyOpen }
        do {
            return try CursesTerminal(output: output, locale: locale)
        } catch {
            anyOpen.withLock { $0 = false }
            throw error
        }
    }

    private init(output: Output, locale: String) throws(CursesError) {
        setlocale(LC_ALL, locale)
        isUTF8 = ganscope_codeset_is_utf8() != 0
        let term: String
        switch output {
        case .terminal:
            term = getenv("TERM").map { String(cString: $0) } ?? ""
            guard let started = newterm(nil, ganscope_stdout(), ganscope_stdin()) else { throw .cannotStartTerminal(term: term) }
            screen = started
            files = []
            outputDescriptor = STDOUT_FILENO
        case .nullDevice(let name):
            term = name
            guard let output = ganscope_open_null("w") else { throw .cannotOpenNullDevice }
            guard let input = ganscope_open_null("r") else {
                fclose(output)
                throw .cannotOpenNullDevice
            }
            guard let started = newterm(name, output, input) else {
                fclose(output)
                fclose(input)
                throw .cannotStartTerminal(term: term)
            }
            screen = started
            files = [output, input]
            outputDescriptor = fileno(output)
        }
        set_term(screen)
        // ESC alone must not wait a second for a possible escape sequence.
        set_escdelay(25)
        guard let standard = ganscope_stdscr() else { throw .cannotStartTerminal(term: term) }
        window = standard
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        leaveok(window, true)
        curs_set(0)
        if has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            let colors = Int(ganscope_colors())
            cursesTakesRGB = colors > 256
            let directFlag = ganscope_tigetflag("RGB") != 0 || ganscope_tigetflag("Tc") != 0
            colorDepth = ColorDepth.detect(colors: colors, directFlag: directFlag, environment: Self.environment())
        } else {
            hasDefaultColors = false
            cursesTakesRGB = false
            colorDepth = .monochrome
        }
        pairs = ColorPairRegistry(capacity: Int(ganscope_color_pairs()))
        if colorDepth.hasPalette, hasDefaultColors, isUTF8,
           let escapes = TerminalEscapes.fromTerminfo(directColor: colorDepth == .direct) {
            encoder = FrameEncoder(escapes: escapes)
            Self.watchForResume()
        } else {
            encoder = nil
        }
    }

    /// Notes SIGCONT in ``resumed`` (an atomic store is async-signal-safe); the wait for a key
    /// returns early, so the next frame is whole. ncurses keeps its own SIGTSTP handler, which
    /// suspends and restores the terminal modes.
    private static func watchForResume() {
        _ = resumed.load(ordering: .relaxed)
        SignalAction.install([SIGCONT]) { _ in CursesTerminal.resumed.store(true, ordering: .relaxed) }
    }

    deinit {
        close()
        text.deallocate()
    }

    /// The screen size in cells (it changes after ``Key/resize``).
    public var size: (columns: Int, rows: Int) {
        guard isOpen else { return (0, 0) }
        return (Int(ganscope_columns(window)), Int(ganscope_rows(window)))
    }

    /// Restores the terminal (endwin) and frees the screen. Safe to call more than once, and from
    /// an exit path after the loop has ended.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screen)
        for file in files { fclose(file) }
        Self.anyOpen.withLock { $0 = false }
    }

    /// Waits up to `timeoutMilliseconds` for a key (the UI's frame tick); nil on timeout, after a
    /// signal, or once closed. 0 polls, a negative timeout waits forever. Reports ``Key/resize``
    /// also after the process was suspended and resumed: the screen must be drawn again.
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        guard isOpen else { return nil }
        if encoder != nil, Self.resumed.exchange(false, ordering: .relaxed) {
            shown = nil
            return .resize
        }
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ganscope_key_code_yes() && Int32(bitPattern: code) == ganscope_key_resize() {
            // The old picture is gone or misplaced after a resize.
            shown = nil
        }
        return Key.decode(status: status, code: code)
    }

    /// Forgets the colour pairs (call after a theme change) and redraws everything next frame.
    public func resetColors() {
        pairs.reset()
        lastStyle = nil
        shown = nil
    }

    /// The curses colour number for a colour at this terminal's depth.
    func cursesColor(_ color: Color, foreground: Bool) -> Int32 {
        if color == .default {
            return hasDefaultColors ? -1 : (foreground ? Int32(COLOR_WHITE) : Int32(COLOR_BLACK))
        }
        if colorDepth == .colors8, case .indexed(let basic) = color.nearestBasic { return Int32(basic) }
        // In direct-colour mode curses keeps 0–7 as the basic colours and reads the rest as RGB.
        if cursesTakesRGB {
            if case .indexed(let index) = color, index < 8 { return Int32(index) }
            if let (red, green, blue) = color.rgbValue { return Int32(red << 16 | green << 8 | blue) }
        }
        guard case .indexed(let index) = color.nearestIndexed else { return -1 }
        return Int32(index)
    }

    /// The process's environment, for ``ColorDepth/detect(colors:directFlag:environment:)``.
    private static func environment() -> [String: String] {
        getenv("COLORTERM").map { ["COLORTERM": String(cString: $0)] } ?? [:]
    }
}
