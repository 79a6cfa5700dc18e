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
