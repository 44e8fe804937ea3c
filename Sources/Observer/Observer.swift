// The Observer module: see its README.md. (Being built.)
