// The ImageIO module: see its README.md. (Being built.)
