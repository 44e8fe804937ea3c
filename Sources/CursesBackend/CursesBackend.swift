// The CursesBackend module: see its README.md. (Being built.)
