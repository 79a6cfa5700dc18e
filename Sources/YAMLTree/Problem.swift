/// Something wrong with a YAML file as YAML, before any schema looks at it.
/// The loader keeps going past the problems it can (duplicate keys, anchors, aliases, tags),
/// so that a file's errors are all reported in one run; `isFatal` ones end the read.
public struct YAMLProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `reason` is "missing", "folder", or the system's words for why the file cannot be read.
        case fileUnreadable(reason: String)
        /// `bytes` is nil when the file is not a regular one and reading stopped past the limit.
        case fileTooLarge(bytes: Int?, limit: Int)
        case invalidUTF8
        case syntax(problem: String, context: String?)
        case tabIndentation
        case emptyDocument
        case rootNotMapping(found: String)
        case multipleDocuments
        case tooDeep(limit: Int)
        case scalarTooLong(bytes: Int, limit: Int)
        case duplicateKey(key: String, first: Mark)
        case anchor(name: String)
        case alias(name: String)
        case tag(String)
        case complexKey
        /// Text libyaml accepts but YAML 1.2 does not (see `YAML12Rule`).
        case yaml12(YAML12Rule)
    }

    public var kind: Kind
    public var mark: Mark
    /// Where the offending token ends, when known; lets a renderer underline the whole token.
    public var end: Mark?

    public init(_ kind: Kind, at mark: Mark, end: Mark? = nil) {
        self.kind = kind
        self.mark = mark
        self.end = end
    }

    public var isFatal: Bool {
        switch kind {
        case .duplicateKey, .anchor, .alias, .tag, .complexKey, .scalarTooLong: return false
        default: return true
        }
    }
}

/// Bounds that keep a hostile or broken file from exhausting memory or time.
public struct YAMLLimits: Sendable {
    public var maxFileBytes: Int
    public var maxDepth: Int
    public var maxScalarBytes: Int

    public init(maxFileBytes: Int = 1 << 20, maxDepth: Int = 64, maxScalarBytes: Int = 8 << 10) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
    }

    public static let standard = YAMLLimits()
}
