/// A position in a source file, 1-based, columns counted in Unicode scalars as libyaml counts them.
public struct Mark: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = Mark(line: 1, column: 1)

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// How a scalar was written. The schema, not the loader, decides what a scalar means, and
/// quoting matters to it: `"true"` is text, `true` is a boolean.
public enum ScalarStyle: String, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A YAML node that remembers where it was written. Scalars stay text: nothing here guesses types.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([Entry])
        case sequence([YAMLNode])
        /// Stands where an alias was written; the alias itself is already reported as a problem.
        case rejected
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyStart: Mark
        public var keyEnd: Mark
        public var value: YAMLNode

        public init(key: String, keyStart: Mark, keyEnd: Mark, value: YAMLNode) {
            self.key = key
            self.keyStart = keyStart
            self.keyEnd = keyEnd
            self.value = value
        }
    }

    public var kind: Kind
    public var start: Mark
    public var end: Mark

    public init(kind: Kind, start: Mark, end: Mark) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    public var style: ScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// An empty value, `~` or `null`, written plain: the writer left the field blank.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = kind else { return false }
        // By length first: every value of every file is asked, and nearly none is null.
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null"
        default: return false
        }
    }

    public subscript(key: String) -> YAMLNode? {
        entries?.first(where: { $0.key == key })?.value
    }

    public func entry(_ key: String) -> Entry? {
        entries?.first(where: { $0.key == key })
    }

    /// A word for the node's shape, for messages ("a list", "a mapping").
    public var shapeName: String {
        switch kind {
        case .scalar: return "scalar"
        case .mapping: return "mapping"
        case .sequence: return "sequence"
        case .rejected: return "alias"
        }
    }
}
