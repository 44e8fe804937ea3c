// The SafeTensors module: see its README.md. (Being built.)
