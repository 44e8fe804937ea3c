// The TerminalUI module: see its README.md. (Being built.)
