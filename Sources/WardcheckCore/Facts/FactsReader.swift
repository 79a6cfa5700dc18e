import YAMLTree

/// The quick read of a facts file there is nothing to say about, straight from libyaml's events,
/// with no tree built. Most files of an audit are such files, and building their trees cost as
/// much again as libyaml's own parsing.
///
/// It only ever gives facts for a file the full read (`YAMLLoader`, then `FactsValidator`) would
/// accept without a single diagnostic, and gives exactly the facts that read gives. Anything else,
/// anything unusual at all, it declines (nil), and the file is read the full way, which says what
/// is wrong with it: every check here is a reason to decline, never a diagnostic of its own.
struct FactsReader {
    let validator: FactsValidator
    var limits: YAMLLimits = .standard

    func read(_ input: YAMLInput, file: String) -> Facts? {
        // A comment stuck to a closing quote is a YAML 1.2 error the loader finds on the lines.
        guard input.problem == nil, !YAML12Rule.quoteBeforeHash(in: input.bytes),
              let events = YAMLEventReader(bytes: input.bytes) else { return nil }
        let schema = validator.schema
        var facts = validator.emptyFacts(file: file)
        // Any diagnostic from reading a value, a warning included, sends the file the full way.
        let said = DiagnosticSink(file: file)
        // The fields written so far, by their place in the schema: a key written twice is a duplicate.
        var written = FieldSet(count: schema.fields.count)
        // The fields with a value or a block: whether a required one is missing, without a look-up by path.
        var present = FieldSet(count: schema.fields.count)
        // The mappings open around the event read.
        var open: [OpenBlock] = []
        open.reserveCapacity(8)
        // The field whose key was just read, and where the key is: its value comes next.
        var pending: (field: Int, key: Mark)?
        var documents = 0
        var rootRead = false

        reading: while true {
            let event: YAMLEvent
            // A key is only compared with the schema's names, on its bytes, and most values are
            // read from their bytes too (`quick`): a string is made only for a value that needs one.
            do { event = try events.next(text: false) } catch { return nil }
            if event.hasProperties { return nil }
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                break reading
            case .documentStart:
                documents += 1
                guard documents == 1 else { return nil }
            case .alias, .sequenceStart, .sequenceEnd:
                return nil
            case .mappingStart(let flow):
                guard open.count < limits.maxDepth else { return nil }
                let flowLine = flow ? event.start.line : nil
                if open.isEmpty {
                    guard !rootRead else { return nil }
                    open.append(OpenBlock(field: -1, flowLine: flowLine))
                    continue
                }
                // A mapping as a key, or as the value of a field that is not a block.
                guard let (field, key) = pending, schema.fields[field].isBlock else { return nil }
                facts.blocks[field: field] = key
                _ = present.insert(field)
                open.append(OpenBlock(field: field, flowLine: flowLine))
                pending = nil
            case .mappingEnd:
                guard pending == nil, let closed = open.popLast() else { return nil }
                // `{ … }` over several lines: the loader checks the indentation of the lines it continues on.
                if let line = closed.flowLine, event.end.line > line { return nil }
                if open.isEmpty { rootRead = true }
            case .scalar(let style, let bytes):
                // A scalar as the document: empty, or not a mapping.
                guard let block = open.last?.field else { return nil }
                // Only one-line plain and quoted scalars: block scalars and continued lines have
                // YAML 1.2 rules the loader checks on the text.
                guard bytes <= limits.maxScalarBytes, style == .plain || style == .singleQuoted || style == .doubleQuoted,
                      event.end.line == event.start.line else { return nil }
                guard let (field, _) = pending else {
                    // A key: one the schema has at this place, written once, spelt plainly.
                    let key = events.scalarBytes
                    guard Self.isPlainKey(key), let field = schema.child(key, of: block), written.insert(field) else { return nil }
                    pending = (field, event.start)
                    continue
                }
                pending = nil
                let described = schema.fields[field]
                if style == .plain, let quick = Self.quick(events.scalarBytes, as: described.plainly),
                   open.count > 1 || described.path != schema.formatField {
                    // Below the field's minimum: the full read says so.
                    if case .number(let n) = quick, let minimum = described.minimum, DecimalShortcuts.less(n, minimum) { return nil }
                    facts.values[field: field] = Located(quick, start: event.start, end: event.end)
                    _ = present.insert(field)
                    continue
                }
                let value = YAMLNode(kind: .scalar(events.scalarText, style), start: event.start, end: event.end)
                // An empty value is left out, as if the line were not there (a required one is then missing).
                if value.isNull { continue }
                if described.isBlock { return nil }
                if open.count == 1, described.path == schema.formatField, !validator.checkFormat(value, said) { return nil }
                guard let read = validator.read(value, as: described, said), said.total == 0 else { return nil }
                facts.values[field: field] = Located(read, start: event.start, end: event.end)
                _ = present.insert(field)
            }
        }
        guard rootRead, pending == nil else { return nil }
        // A required field left out, unless its whole block is (as `FactsValidator.isMissing`).
        for (i, field) in schema.fields.enumerated() where field.required && !present.contains(i) {
            let parent = schema.parentIndex[i]
            if parent < 0 || present.contains(parent) { return nil }
        }
        validator.checkBounds(facts, said)
        validator.checkDates(facts, said)
        guard said.total == 0 else { return nil }
        validator.identify(&facts)
        return facts
    }

    /// A yes/no, count or number written plainly as `true`, `false` or up to seven digits with no
    /// leading zero, read from its bytes as the full read reads its text (`ScalarReading`): no
    /// string, node or result is made for it. Most of a file's values are such; nil for anything
    /// else, which is read the general way and told apart there.
    static func quick(_ bytes: UnsafeBufferPointer<UInt8>, as kind: FactsSchema.Field.Plainly) -> FactValue? {
        switch kind {
        case .boolean:
            if bytes.elementsEqual("true".utf8) { return .boolean(true) }
            if bytes.elementsEqual("false".utf8) { return .boolean(false) }
            return nil
        case .number:
            guard (1...7).contains(bytes.count), bytes.count == 1 || bytes[0] != UInt8(ascii: "0"),
                  bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let n = ScalarReading.digitsAsDecimal(bytes), DecimalShortcuts.lessOrEqual(n, ScalarReading.largest) else { return nil }
            return .number(n)
        case .nothing:
            return nil
        }
    }

    /// ASCII without a dot: a dotted key is read as the path it spells, and the schema's keys are
    /// ASCII, so anything else is unknown and goes the full way for its suggestion.
    static func isPlainKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        key.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: ".") }
    }
}

/// A mapping being read: the field of its block (-1 for the top level), and for `{ … }` the line it starts on.
struct OpenBlock {
    var field: Int
    var flowLine: Int?
}

/// Which of the schema's fields a file has written, one bit each.
struct FieldSet {
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    func contains(_ field: Int) -> Bool {
        words[field / 64] & (1 << UInt64(field % 64)) != 0
    }

    /// Adds the field; false when it was already there.
    mutating func insert(_ field: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(field % 64)
        if words[field / 64] & bit != 0 { return false }
        words[field / 64] |= bit
        return true
    }
}
