// The one C header through which ganscope reaches ncurses (see CursesBackend).
// It provides no stable Swift API: only CursesBackend may import it.
//
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, so ask for the wide-character API here.
// Swift 6 cannot import ncurses' mutable globals (LINES, COLS, COLORS, COLOR_PAIRS, stdscr),
// function-like macros (getmaxy, KEY_F) or attribute macros (A_BOLD = NCURSES_BITS(...)), so each
// is wrapped below in a static inline function.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

static inline WINDOW *ganscope_stdscr(void) { return stdscr; }
static inline int ganscope_colors(void) { return COLORS; }
static inline int ganscope_color_pairs(void) { return COLOR_PAIRS; }
static inline int ganscope_rows(WINDOW *window) { return getmaxy(window); }
static inline int ganscope_columns(WINDOW *window) { return getmaxx(window); }

static inline attr_t ganscope_attr_bold(void) { return A_BOLD; }
static inline attr_t ganscope_attr_dim(void) { return A_DIM; }
static inline attr_t ganscope_attr_reverse(void) { return A_REVERSE; }

static inline int ganscope_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ganscope_key_resize(void) { return KEY_RESIZE; }
static inline int ganscope_key_left(void) { return KEY_LEFT; }
static inline int ganscope_key_right(void) { return KEY_RIGHT; }
static inline int ganscope_key_up(void) { return KEY_UP; }
static inline int ganscope_key_down(void) { return KEY_DOWN; }
static inline int ganscope_key_home(void) { return KEY_HOME; }
static inline int ganscope_key_end(void) { return KEY_END; }
static inline int ganscope_key_page_up(void) { return KEY_PPAGE; }
static inline int ganscope_key_page_down(void) { return KEY_NPAGE; }
static inline int ganscope_key_backspace(void) { return KEY_BACKSPACE; }
static inline int ganscope_key_delete(void) { return KEY_DC; }
static inline int ganscope_key_enter(void) { return KEY_ENTER; }
static inline int ganscope_key_back_tab(void) { return KEY_BTAB; }
static inline int ganscope_key_f(int n) { return KEY_F(n); }

/// Whether the current locale's character set (after setlocale) is UTF-8.
static inline int ganscope_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Writes one cell: up to CCHARW_MAX-1 code points (a base character and its combining marks),
/// attributes and an extended colour pair, via setcchar + mvwadd_wch.
/// `text` must be NUL-terminated.
static inline int ganscope_put_cell(WINDOW *window, int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    // The short pair argument is ignored when opts carries the extended pair number.
    if (setcchar(&cell, text, attributes, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

/// Opens /dev/null for reading or writing, for running curses without a terminal.
static inline FILE *ganscope_open_null(const char *mode) { return fopen("/dev/null", mode); }

/// The process's standard streams, which Swift 6 refuses as mutable C globals.
static inline FILE *ganscope_stdout(void) { return stdout; }
static inline FILE *ganscope_stdin(void) { return stdin; }

/// A terminfo string capability, or NULL when the terminal lacks it (tigetstr's (char *)-1 for
/// "not a string capability" included).
static inline const char *ganscope_tigetstr(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? NULL : value;
}
/// Whether a terminfo boolean capability is present.
static inline int ganscope_tigetflag(const char *name) { return tigetflag(name) > 0; }
/// tiparm with one or two integer parameters (Swift cannot call C variadic functions).
static inline const char *ganscope_tiparm1(const char *capability, int first) { return tiparm(capability, first); }
static inline const char *ganscope_tiparm2(const char *capability, int first, int second) {
    return tiparm(capability, first, second);
}
/// Clears the terminal through curses and flushes, leaving curses' idea of the screen (blank)
/// matching the terminal, so a frame written past curses starts from a known screen.
static inline int ganscope_clear_screen(WINDOW *window) {
    clearok(curscr, TRUE);
    werase(window);
    return wrefresh(window);
}
