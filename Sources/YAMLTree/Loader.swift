import CYAML
import Foundation

/// What the loader made of a file: the tree (when it got far enough to build one), every
/// problem found, and the decoded text so diagnostics can quote the offending line.
public struct YAMLLoadResult: Sendable {
    public var root: YAMLNode?
    public var problems: [YAMLProblem]
    public var source: String
}

/// Reads YAML through libyaml's event parser into `YAMLNode`s, strictly: one document, a mapping
/// at the root, no anchors, aliases or tags, no duplicate keys, bounded size and depth.
public enum YAMLLoader {
    /// The items of one list at the top of the document (`units:` of a roster), handed to `each`
    /// as soon as each is read and not kept in the tree, where the list stays empty: a list of
    /// a hundred thousand entries is read in the memory of one.
    public struct ItemStream {
        public var key: String
        public var each: (YAMLNode) -> Void

        public init(key: String, each: @escaping (YAMLNode) -> Void) {
            self.key = key
            self.each = each
        }
    }

    public static func load(path: String, limits: YAMLLimits = .standard, streaming: ItemStream? = nil) -> YAMLLoadResult {
        switch InputFile.read(path, limit: limits.maxFileBytes) {
        case .success(let bytes):
            return load(bytes: bytes, limits: limits, streaming: streaming)
        case .failure(let failure):
            return unreadable(failure)
        }
    }

    /// What the loader makes of a file `InputFile` could not read.
    public static func unreadable(_ failure: InputFile.Failure) -> YAMLLoadResult {
        let kind: YAMLProblem.Kind
        switch failure {
        case .missing: kind = .fileUnreadable(reason: "missing")
        case .folder: kind = .fileUnreadable(reason: "folder")
        case .unreadable(let reason): kind = .fileUnreadable(reason: reason)
        case .tooLarge(let bytes, let limit): kind = .fileTooLarge(bytes: bytes, limit: limit)
        }
        return YAMLLoadResult(root: nil, problems: [YAMLProblem(kind, at: .start)], source: "")
    }

    public static func load(string: String, limits: YAMLLimits = .standard) -> YAMLLoadResult {
        load(bytes: Array(string.utf8), limits: limits)
    }

    public static func load(bytes: [UInt8], limits: YAMLLimits = .standard, streaming: ItemStream? = nil) -> YAMLLoadResult {
        load(input: YAMLInput(bytes, limits: limits), limits: limits, streaming: streaming)
    }

    /// Bytes already made ready (`YAMLInput` with the same `limits`): a file the event reader
    /// gave up on is read again here without being checked twice.
    public static func load(input: YAMLInput, limits: YAMLLimits = .standard, streaming: ItemStream? = nil) -> YAMLLoadResult {
        if let problem = input.problem {
            return YAMLLoadResult(root: nil, problems: [problem], source: input.source)
        }
        var builder = TreeBuilder(limits: limits, bytes: input.bytes, streaming: streaming)
        builder.run()
        return YAMLLoadResult(root: builder.root, problems: builder.problems, source: input.source)
    }
}

/// Turns libyaml's event stream into a tree with an explicit stack, never recursion, so that
/// deep nesting is met by the depth limit rather than by a stack overflow.
private struct TreeBuilder {
    /// Frames are classes so that adding a child appends in place: with value frames every
    /// append copied the whole list, and a wide file took minutes.
    private final class MappingFrame {
        let start: Mark
        let flow: Bool
        var entries: [YAMLNode.Entry] = []
        var pendingKey: (key: String, start: Mark, end: Mark)?
        var skipValue = false
        /// The column (0-based) of the keys: libyaml's start mark, or the first key when that is
        /// further left (the start mark sits on a tag or an anchor written after a parent key).
        var indent: Int?
        /// Keys already written, for duplicates: only once the mapping is wide; a look along
        /// `entries` is cheaper than hashing every key of a facts file.
        private var index: [String: Mark]?

        init(start: Mark, flow: Bool) {
            self.start = start
            self.flow = flow
            // A facts file's blocks hold a handful of keys: room for them without growing.
            entries.reserveCapacity(8)
        }

        func firstMark(of key: String) -> Mark? {
            if let index { return index[key] }
            if entries.count < 16 { return entries.first { $0.key == key }?.keyStart }
            var built: [String: Mark] = [:]
            for entry in entries where built[entry.key] == nil { built[entry.key] = entry.keyStart }
            index = built
            return built[key]
        }

        func append(_ entry: YAMLNode.Entry) {
            entries.append(entry)
            if index != nil, index![entry.key] == nil { index![entry.key] = entry.keyStart }
        }
    }

    private final class SequenceFrame {
        let start: Mark
        let flow: Bool
        /// The column (0-based) of the dashes; unknown when a tag or an anchor comes first.
        let indent: Int?
        var items: [YAMLNode] = []
        /// The items go to the stream, not to `items`.
        var streamed = false
        init(start: Mark, flow: Bool, indent: Int?) {
            self.start = start
            self.flow = flow
            self.indent = indent
        }
    }

    private enum Frame {
        case mapping(MappingFrame)
        case sequence(SequenceFrame)

        var start: Mark {
            switch self {
            case .mapping(let frame): return frame.start
            case .sequence(let frame): return frame.start
            }
        }

        var flow: Bool {
            switch self {
            case .mapping(let frame): return frame.flow
            case .sequence(let frame): return frame.flow
            }
        }

        var indent: Int? {
            switch self {
            case .mapping(let frame): return frame.indent
            case .sequence(let frame): return frame.indent
            }
        }
    }

    let limits: YAMLLimits
    let bytes: [UInt8]
    var root: YAMLNode?
    var problems: [YAMLProblem] = []
    private var stack: [Frame] = []
    private var documents = 0
    private var sourceLines: SourceLines?
    private var quoteHash: Bool?

    private let streaming: YAMLLoader.ItemStream?

    init(limits: YAMLLimits, bytes: [UInt8], streaming: YAMLLoader.ItemStream? = nil) {
        self.limits = limits
        self.bytes = bytes
        self.streaming = streaming
    }

    mutating func run() {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            problems.append(YAMLProblem(.syntax(problem: "libyaml could not start", context: nil), at: .start))
            return
        }
        defer { yaml_parser_delete(parser) }
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            while true {
                guard yaml_parser_parse(parser, event) == 1 else {
                    reportParserError(parser.pointee)
                    return
                }
                defer { yaml_event_delete(event) }
                let keepGoing = handle(event.pointee)
                if !keepGoing { return }
            }
        }
        if root == nil, !problems.contains(where: \.isFatal) {
            problems.append(YAMLProblem(.emptyDocument, at: .start))
        }
    }

    /// Returns false when reading must stop.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = LibYAML.mark(event.start_mark)
        let end = LibYAML.mark(event.end_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return false
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                problems.append(YAMLProblem(.multipleDocuments, at: start, end: end))
                return false
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            note(anchor: scalar.anchor, tag: scalar.tag, at: start, end: end)
            if scalar.length > limits.maxScalarBytes {
                problems.append(YAMLProblem(.scalarTooLong(bytes: scalar.length, limit: limits.maxScalarBytes), at: start, end: end))
                return attach(YAMLNode(kind: .rejected, start: start, end: end))
            }
            let text = LibYAML.normalised(scalar.value, scalar.length)
            let written = LibYAML.style(scalar.style)
            if let (rule, at) = yaml12Problem(scalar: written, start: start, end: end) {
                problems.append(YAMLProblem(.yaml12(rule), at: at))
                return false
            }
            return attach(YAMLNode(kind: .scalar(text, written), start: start, end: end))
        case YAML_ALIAS_EVENT:
            problems.append(YAMLProblem(.alias(name: string(event.data.alias.anchor)), at: start, end: end))
            return attach(YAMLNode(kind: .rejected, start: start, end: end))
        case YAML_MAPPING_START_EVENT:
            note(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, at: start, end: end)
            let flow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            guard push(.mapping(MappingFrame(start: start, flow: flow)), at: start) else { return false }
        case YAML_SEQUENCE_START_EVENT:
            note(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag, at: start, end: end)
            let flow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            let plain = event.data.sequence_start.anchor == nil && event.data.sequence_start.tag == nil
            let frame = SequenceFrame(start: start, flow: flow, indent: plain ? start.column - 1 : nil)
            if let streaming, stack.count == 1, case .mapping(let root)? = stack.first, root.pendingKey?.key == streaming.key, !root.skipValue {
                frame.streamed = true
            }
            guard push(.sequence(frame), at: start) else { return false }
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(let frame)? = stack.popLast() else { return false }
            if frame.flow, let at = underIndentedFlow(start: frame.start, end: end) {
                problems.append(YAMLProblem(.yaml12(.continuationNotIndented), at: at))
                return false
            }
            return attach(YAMLNode(kind: .mapping(frame.entries), start: frame.start, end: end))
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let frame)? = stack.popLast() else { return false }
            if frame.flow, let at = underIndentedFlow(start: frame.start, end: end) {
                problems.append(YAMLProblem(.yaml12(.continuationNotIndented), at: at))
                return false
            }
            return attach(YAMLNode(kind: .sequence(frame.items), start: frame.start, end: end))
        default:
            break
        }
        return true
    }

    /// The indentation (0-based column) of the nearest enclosing block mapping or list, -1 at the
    /// top; and whether the node being read sits inside a flow collection.
    private var enclosing: (indent: Int, inFlow: Bool) {
        let inFlow = stack.last?.flow ?? false
        // An indentation that cannot be known is taken leniently: any line will do.
        for frame in stack.reversed() where !frame.flow { return (frame.indent ?? -1, inFlow) }
        return (-1, inFlow)
    }

    private mutating func lines() -> SourceLines {
        if let sourceLines { return sourceLines }
        let built = SourceLines(bytes)
        sourceLines = built
        return built
    }

    /// The YAML 1.2 rule a scalar breaks, if any, and where.
    private mutating func yaml12Problem(scalar style: ScalarStyle, start: Mark, end: Mark) -> (YAML12Rule, Mark)? {
        switch style {
        case .literal, .folded:
            return lines().blockScalarProblem(header: start, indent: enclosing.indent)
        case .singleQuoted, .doubleQuoted:
            // The file's lines are only worked out when a quote followed by `#` occurs at all.
            if quoteBeforeHash(), lines().commentStuckTo(end: end) { return (.commentWithoutSpace, end) }
            fallthrough
        case .plain:
            // One line cannot be under-indented: most scalars stop here, before any look at the stack.
            guard end.line > start.line else { return nil }
            let (indent, inFlow) = enclosing
            // Inside a flow collection the collection's own check covers every line.
            guard !inFlow else { return nil }
            return lines().underIndented(from: start.line, through: end.line, indent: indent).map { (.continuationNotIndented, $0) }
        }
    }

    private mutating func quoteBeforeHash() -> Bool {
        if let known = quoteHash { return known }
        let found = YAML12Rule.quoteBeforeHash(in: bytes)
        quoteHash = found
        return found
    }

    /// A flow collection spread over lines must indent each continued line past its key; checked
    /// once, at the outermost flow collection, which covers the ones inside it.
    private mutating func underIndentedFlow(start: Mark, end: Mark) -> Mark? {
        let (indent, inFlow) = enclosing
        guard !inFlow, end.line > start.line else { return nil }
        return lines().underIndented(from: start.line, through: end.line, indent: indent)
    }

    private mutating func push(_ frame: Frame, at start: Mark) -> Bool {
        if stack.count >= limits.maxDepth {
            problems.append(YAMLProblem(.tooDeep(limit: limits.maxDepth), at: start))
            return false
        }
        stack.append(frame)
        return true
    }

    /// Places a finished node in its parent: as a key, as a value, as a list item, or as the root.
    private mutating func attach(_ node: YAMLNode) -> Bool {
        guard let top = stack.last else {
            if case .scalar(let text, .plain) = node.kind, text.isEmpty {
                problems.append(YAMLProblem(.emptyDocument, at: .start))
                return false
            }
            if node.entries == nil {
                if case .rejected = node.kind { return false }
                problems.append(YAMLProblem(.rootNotMapping(found: node.shapeName), at: node.start, end: node.end))
                return false
            }
            root = node
            return true
        }
        switch top {
        case .sequence(let frame):
            if frame.streamed { streaming?.each(node) } else { frame.items.append(node) }
        case .mapping(let frame):
            if let pending = frame.pendingKey {
                if !frame.skipValue {
                    frame.append(YAMLNode.Entry(key: pending.key, keyStart: pending.start, keyEnd: pending.end, value: node))
                }
                frame.pendingKey = nil
                frame.skipValue = false
            } else if let key = node.scalar {
                if frame.indent == nil { frame.indent = min(frame.start.column, node.start.column) - 1 }
                if let first = frame.firstMark(of: key) {
                    problems.append(YAMLProblem(.duplicateKey(key: key, first: first), at: node.start, end: node.end))
                    frame.skipValue = true
                }
                frame.pendingKey = (key, node.start, node.end)
            } else {
                if case .rejected = node.kind {} else {
                    problems.append(YAMLProblem(.complexKey, at: node.start, end: node.end))
                }
                frame.pendingKey = ("", node.start, node.end)
                frame.skipValue = true
            }
        }
        return true
    }

    private mutating func note(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at start: Mark, end: Mark) {
        if let anchor { problems.append(YAMLProblem(.anchor(name: string(anchor)), at: start, end: end)) }
        if let tag { problems.append(YAMLProblem(.tag(string(tag)), at: start, end: end)) }
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let at = LibYAML.mark(parser.problem_mark)
        // libyaml's message for a tab is "found character that cannot start any token"; say what it is.
        if let offset = byteOffset(ofCharacter: Int(parser.problem_mark.index)), bytes[offset] == 0x09 {
            problems.append(YAMLProblem(.tabIndentation, at: at))
            return
        }
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.context.map { String(cString: $0) }
        problems.append(YAMLProblem(.syntax(problem: problem, context: context), at: at))
    }

    /// libyaml's `mark.index` counts characters, not bytes, so after "Phường" on the same or an
    /// earlier line it no longer indexes `bytes`; walk to the byte that starts that character.
    private func byteOffset(ofCharacter index: Int) -> Int? {
        var characters = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if characters == index { return offset }
            characters += 1
        }
        return nil
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
