/// Where a report written piece by piece goes: a file being written, standard output, or memory.
public protocol ReportOutput {
    mutating func write(_ bytes: [UInt8]) throws
}

/// A report kept whole in memory (for a report that is returned as text).
public struct MemoryOutput: ReportOutput {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: [UInt8]) {
        self.bytes.append(contentsOf: bytes)
    }
}

extension ReportOutput {
    /// Text, as UTF-8.
    public mutating func write(_ text: String) throws {
        try write(Array(text.utf8))
    }
}

extension MemoryOutput {
    /// What a writer wrote, as text: how `render` keeps one writer per format for a report wanted whole.
    static func text(_ write: (inout MemoryOutput) throws -> Void) -> String {
        var output = MemoryOutput()
        // Into memory nothing can fail to be written; a writer's own failure leaves what it wrote.
        do { try write(&output) } catch {}
        return String(decoding: output.bytes, as: UTF8.self)
    }
}
