import ArgumentParser

/// How a training run ended, for the exit status (the same in the dashboard and headless).
enum RunOutcome: Equatable {
    case completed, diverged, interrupted

    var exitCode: ExitCode? {
        switch self {
        case .completed: nil
        case .diverged: ExitCode(2)
        case .interrupted: ExitCode(130)  // the shell's code for Ctrl-C
        }
    }
}
