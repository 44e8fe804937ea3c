/// A setting that can change while a run trains or is paused (the dashboard's control panel).
public enum TrainingControl: Sendable, Equatable {
    /// K: discriminator updates per iteration.
    case discriminatorSteps(Int)
    /// Generator updates per iteration.
    case generatorSteps(Int)
    case learningRateD(Float)
    case learningRateG(Float)
    /// The learning rates' half-life in steps; nil keeps them constant.
    case halfLife(Int?)
    case loss(GANLoss)
    case beta1(Float)

    /// Puts the setting into `config`, the configuration in force.
    public func apply(to config: inout TrainingConfig) {
        switch self {
        case .discriminatorSteps(let k): config.discriminatorSteps = k
        case .generatorSteps(let count): config.generatorSteps = count == 1 ? nil : count
        case .learningRateD(let rate): config.learningRateD = rate
        case .learningRateG(let rate): config.learningRateG = rate
        case .halfLife(let steps): config.learningRateHalfLife = steps
        case .loss(let loss): config.loss = loss
        case .beta1(let beta): config.beta1 = beta
        }
    }

    /// Why the value is outside what a configuration may hold (``ConfigLimits``), or nil.
    public var problem: String? {
        switch self {
        case .discriminatorSteps(let k) where !ConfigLimits.discriminatorSteps.contains(k):
            return "K \(k) is outside \(ConfigLimits.discriminatorSteps)"
        case .generatorSteps(let count) where !ConfigLimits.generatorSteps.contains(count):
            return "generator updates \(count) is outside \(ConfigLimits.generatorSteps)"
        case .learningRateD(let rate), .learningRateG(let rate):
            return ConfigLimits.isValidLearningRate(rate) ? nil : "learning rate \(rate) is not \(ConfigLimits.learningRateRequirement)"
        case .halfLife(let steps?) where !ConfigLimits.steps.contains(steps):
            return "half-life \(steps) is outside \(ConfigLimits.steps)"
        case .beta1(let beta) where !(beta >= 0 && beta < 1):
            return "beta1 \(beta) is not in [0, 1)"
        default:
            return nil
        }
    }
}

/// One update made by hand while the trainer is paused.
public enum ManualUpdate: String, Sendable, Equatable, CaseIterable {
    /// One discriminator update (`d`); completes a prepared one (see ``discriminatorVerdicts``).
    case discriminator
    /// One generator update (`g`).
    case generator
    /// One whole iteration (`n`): K discriminator updates, then the generator updates.
    case iteration
    /// The first half of a discriminator update, for slow motion: D judges a fresh minibatch of
    /// reals and fakes and its gradient is computed, but not yet applied. The next
    /// ``discriminator`` applies it; anything else applies it first.
    case discriminatorVerdicts = "discriminator-verdicts"
}

/// What the user asks of the trainer between updates: an update by hand or a new setting. The
/// trainer applies commands in the order they were sent, never inside an update.
public enum TrainerCommand: Sendable, Equatable {
    case update(ManualUpdate)
    case set(TrainingControl)
}

/// A command as it was applied: written to the `--log-jsonl` log and kept in checkpoints as the
/// run's history of changes. Encoded as `{"control": NAME, "value": VALUE, "step": STEP}`, where
/// `step` is the generator-update count after the command.
///
///     {"control":"update","step":4,"value":"iteration"}
///     {"control":"k","step":4,"value":3}
///     {"control":"lr_d","step":4,"value":0.0004}
public struct ControlRecord: Sendable, Equatable, Codable {
    public var command: TrainerCommand
    public var step: Int

    public init(command: TrainerCommand, step: Int) {
        self.command = command
        self.step = step
    }

    private enum Key: String, CodingKey { case control, value, step }

    /// The `control` names, one per kind of command.
    enum Name: String, CaseIterable {
        case update, k, generatorSteps = "g_updates", learningRateD = "lr_d", learningRateG = "lr_g",
             halfLife = "lr_half_life", loss, beta1
    }

    /// The name a log line gives the command.
    public var name: String { Self.name(of: command).rawValue }

    private static func name(of command: TrainerCommand) -> Name {
        switch command {
        case .update: .update
        case .set(.discriminatorSteps): .k
        case .set(.generatorSteps): .generatorSteps
        case .set(.learningRateD): .learningRateD
        case .set(.learningRateG): .learningRateG
        case .set(.halfLife): .halfLife
        case .set(.loss): .loss
        case .set(.beta1): .beta1
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .control)
        try container.encode(step, forKey: .step)
        switch command {
        case .update(let update): try container.encode(update.rawValue, forKey: .value)
        case .set(.discriminatorSteps(let value)), .set(.generatorSteps(let value)):
            try container.encode(value, forKey: .value)
        case .set(.learningRateD(let value)), .set(.learningRateG(let value)), .set(.beta1(let value)):
            try container.encode(value, forKey: .value)
        case .set(.halfLife(let steps)): try container.encode(steps ?? 0, forKey: .value)  // 0: constant, as --lr-half-life
        case .set(.loss(let loss)): try container.encode(loss.rawValue, forKey: .value)
        }
    }

    /// Decodes untrusted text (a checkpoint's history): every value is checked against
    /// ``ConfigLimits`` before it can reach a configuration.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        step = try container.decode(Int.self, forKey: .step)
        let nameText = try container.decode(String.self, forKey: .control)
        guard step >= 0, let name = Name(rawValue: nameText) else {
            throw DecodingError.dataCorruptedError(forKey: .control, in: container,
                                                   debugDescription: "unknown control \(nameText) or negative step")
        }
        func value<T: Decodable>(_ type: T.Type) throws -> T { try container.decode(type, forKey: .value) }
        let unknown = { (text: String) in
            DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "unknown value \(text)")
        }
        switch name {
        case .update:
            let text = try value(String.self)
            guard let update = ManualUpdate(rawValue: text) else { throw unknown(text) }
            command = .update(update)
        case .loss:
            let text = try value(String.self)
            guard let loss = GANLoss(rawValue: text) else { throw unknown(text) }
            command = .set(.loss(loss))
        case .k: command = .set(.discriminatorSteps(try value(Int.self)))
        case .generatorSteps: command = .set(.generatorSteps(try value(Int.self)))
        case .learningRateD: command = .set(.learningRateD(try value(Float.self)))
        case .learningRateG: command = .set(.learningRateG(try value(Float.self)))
        case .beta1: command = .set(.beta1(try value(Float.self)))
        case .halfLife:
            let steps = try value(Int.self)
            command = .set(.halfLife(steps == 0 ? nil : steps))
        }
        if case .set(let control) = command, let problem = control.problem {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: problem)
        }
    }
}
