// The one C header through which ganscope reaches ncurses (see CursesBackend).
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
