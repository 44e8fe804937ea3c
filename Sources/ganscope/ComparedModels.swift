import ArgumentParser

/// `compare --models`: the models to train side by side, by the names a user types (`gan` is
/// the MLP-GAN), in the order given, each once.
struct ComparedModels: Equatable {
    let choices: [ModelChoice]

    /// The names `--models` takes, with the model each means.
    static let names: [(name: String, choice: ModelChoice)] = [("gan", .mlp), ("dcgan", .dcgan), ("ae", .ae), ("vae", .vae)]

    /// Parses "gan,vae[,ae]"; an unknown or repeated name, or fewer than two, is refused in one line.
    static func parse(_ text: String) throws -> ComparedModels {
        let given = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        var choices: [ModelChoice] = []
        for name in given {
            guard let choice = names.first(where: { $0.name == name })?.choice else {
                throw BoundedOption.Refusal(description: "unknown model \"\(name)\"; allowed: "
                    + names.map(\.name).joined(separator: ", ") + ", separated by commas")
            }
            guard !choices.contains(choice) else {
                throw BoundedOption.Refusal(description: "\(name) is named twice; each model trains once")
            }
            choices.append(choice)
        }
        guard choices.count >= 2 else {
            throw BoundedOption.Refusal(description: "name two or more models to compare, e.g. gan,vae")
        }
        return ComparedModels(choices: choices)
    }

    /// The name of `choice` as `--models` takes it: in snapshot names, logs and the table.
    static func name(of choice: ModelChoice) -> String {
        names.first { $0.choice == choice }?.name ?? choice.rawValue
    }
}
