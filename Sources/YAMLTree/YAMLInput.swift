/// A file's bytes made ready for libyaml, in the one way both readers of YAML need: within the
/// size limit, without a leading BOM, and well-formed UTF-8. The tree loader and the event
/// reader take the same bytes, so that they count the same lines and columns.
public struct YAMLInput: Sendable {
    /// The text as libyaml reads it: a leading BOM dropped (editors do not count it as a column).
    /// Empty when the file is too large; kept when it is not UTF-8, for quoting the bad line.
    public var bytes: [UInt8]
    /// What stops the read before libyaml sees a byte: a file too large, or one not in UTF-8.
    public var problem: YAMLProblem?

    public init(_ input: [UInt8], limits: YAMLLimits = .standard) {
        if input.count > limits.maxFileBytes {
            bytes = []
            problem = YAMLProblem(.fileTooLarge(bytes: input.count, limit: limits.maxFileBytes), at: .start)
            return
        }
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        problem = UTF8Check.firstInvalid(in: bytes).map { YAMLProblem(.invalidUTF8, at: $0) }
    }

    /// The text for quoting lines in diagnostics.
    public var source: String { String(decoding: bytes, as: UTF8.self) }
}
