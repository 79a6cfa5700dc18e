import YAMLTree

/// One unit's facts after validation: typed values by path, each with its position, and the
/// blocks that were written. A path that is absent was not reported.
public struct Facts: Sendable {
    public var file: String
    /// By the schema's field (see `FieldTable`): found by number while judging, by path elsewhere.
    public var values: FieldTable<Located<FactValue>>
    public var blocks: FieldTable<Mark>
    public var code: String?
    public var name: String?
    /// The contact facts, joined ("Nguyễn Văn A, 0236 …"), when any were written.
    public var contact: String?
    public var asOf: Day?
    /// Facts not written in this file: taken from the city roster, or assumed while trying every
    /// value of a left-out fact. They have no position in the file.
    public var supplied: Set<String> = []

    /// No facts yet, for the fields `numbering` numbers (the schema's `numbering`).
    public init(file: String, numbering: FieldNumbering) {
        self.file = file
        values = FieldTable(numbering)
        blocks = FieldTable(numbering)
    }

    public subscript(path: String) -> Located<FactValue>? { values[path] }

    /// Where the fact is written in this file; nil when it is absent or supplied from elsewhere.
    public func position(of path: String) -> Mark? {
        !supplied.isEmpty && supplied.contains(path) ? nil : values[path]?.start
    }

    /// These facts with some left-out ones given assumed values.
    func assuming(_ assumed: [String: FactValue]) -> Facts {
        var copy = self
        for (path, value) in assumed {
            copy.values[path] = Located(value, start: .start, end: .start)
            copy.supplied.insert(path)
        }
        return copy
    }

    /// The nearest written block that would hold `path`, and where it starts: where a missing
    /// fact is reported, and the block the office should add it to.
    public func nearestWrittenAncestor(of path: String) -> (path: String, mark: Mark) {
        var current = path
        while let dot = current.lastIndex(of: ".") {
            current = String(current[..<dot])
            if let mark = blocks[current] { return (current, mark) }
        }
        return ("", .start)
    }

    /// The outermost missing block around `path` ("power.generator" when the whole block is
    /// absent), so one remedy says "report the generator block" instead of four missing fields.
    public func outermostMissing(_ path: String) -> String {
        let ancestor = nearestWrittenAncestor(of: path).path
        let rest = ancestor.isEmpty ? path : String(path.dropFirst(ancestor.count + 1))
        guard let first = rest.split(separator: ".").first else { return path }
        return ancestor.isEmpty ? String(first) : ancestor + "." + first
    }
}
