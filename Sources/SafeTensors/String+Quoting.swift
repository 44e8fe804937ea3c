extension String {
    /// The string in quotes, escaped and shortened for an error message, so the message stays on
    /// one readable line even when a corrupt file holds newlines or megabytes in a name.
    public var quotedForMessage: String {
        let limit = 80
        let shortened = count > limit ? String(prefix(limit)) + "…" : self
        return shortened.debugDescription
    }
}
