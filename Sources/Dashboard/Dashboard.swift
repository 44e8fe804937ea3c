// The Dashboard module: see its README.md. (Being built.)
