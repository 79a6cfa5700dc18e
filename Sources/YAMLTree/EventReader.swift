import CYAML

/// One of libyaml's events, in Swift: what was written, where, and whether an anchor or a tag
/// came with it. Nothing is checked here: a reader that wants the loader's strictness checks
/// what it meets, and leaves anything unusual to `YAMLLoader`, which says what is wrong.
public struct YAMLEvent: Sendable {
    public enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        case documentStart, documentEnd
        /// `flow`: written `{ … }` rather than as indented lines.
        case mappingStart(flow: Bool)
        case mappingEnd
        /// `flow`: written `[ … ]` rather than as `-` lines.
        case sequenceStart(flow: Bool)
        case sequenceEnd
        /// Its text is `text`; `bytes`, the text's length as written (the loader's limit on a
        /// scalar is on that length).
        case scalar(ScalarStyle, bytes: Int)
        case alias
    }

    public var kind: Kind
    /// Where the event starts and ends, as `YAMLNode` positions are counted.
    public var start: Mark
    public var end: Mark
    /// An anchor or a tag was written on it (the loader refuses both).
    public var hasProperties: Bool
    /// A scalar's text, in NFC exactly as the loader gives it; empty for the other events. Kept
    /// out of `kind` so that reading the kind copies nothing.
    public var text = ""
}

/// libyaml's event parser over a copy of some bytes, one event at a time. The bytes are those
/// `YAMLInput` prepares, so that positions are the loader's.
public final class YAMLEventReader {
    /// libyaml stopped: the text is not YAML it can read. Where, as far as libyaml can tell.
    public struct ParseError: Error, Sendable {
        public var mark: Mark
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    /// libyaml reads the input in place as long as the parser lives: a copy this reader owns.
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// Once the stream has ended or failed, every later call says so again.
    private var finished = false
    /// The last event is kept until the next call, so that its scalar's bytes can be read in place.
    private var holding = false
    private var last: Result<YAMLEvent, ParseError> = .failure(ParseError(mark: .start))

    /// Nil when libyaml cannot start (it could not allocate its buffers).
    public init?(bytes: [UInt8]) {
        // Failing before every property is set: `deinit` does not run, only this parser is freed.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            return nil
        }
        self.parser = parser
        event = .allocate(capacity: 1)
        // At least one byte, so that the copy has an address even for an empty file.
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        if holding { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
        input.deallocate()
    }

    /// The next event; after the stream's end, the end again; after a parse error, the error again.
    /// `text: false` leaves a scalar's `text` empty: a reader that only compares it with a few
    /// names reads `scalarBytes` instead, and no string is made for it.
    public func next(text: Bool = true) throws(ParseError) -> YAMLEvent {
        if holding {
            yaml_event_delete(event)
            holding = false
        }
        if finished { return try last.get() }
        guard yaml_parser_parse(parser, event) == 1 else {
            let failure = ParseError(mark: LibYAML.mark(parser.pointee.problem_mark))
            (finished, last) = (true, .failure(failure))
            throw failure
        }
        holding = true
        let read = convert(event.pointee, text: text)
        if case .streamEnd = read.kind { (finished, last) = (true, .success(read)) }
        return read
    }

    /// The bytes of the scalar `next` last gave, as written (not normalised), valid until the next
    /// call; empty for any other event.
    public var scalarBytes: UnsafeBufferPointer<UInt8> {
        guard holding, event.pointee.type == YAML_SCALAR_EVENT, let value = event.pointee.data.scalar.value else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: value, count: event.pointee.data.scalar.length)
    }

    /// The text of the scalar `next` last gave, normalised as `text` would have been (for an
    /// event read with `text: false`); empty for any other event.
    public var scalarText: String {
        let bytes = scalarBytes
        return LibYAML.normalised(UnsafeMutablePointer(mutating: bytes.baseAddress), bytes.count)
    }

    private func convert(_ event: yaml_event_t, text wanted: Bool) -> YAMLEvent {
        let start = LibYAML.mark(event.start_mark)
        let end = LibYAML.mark(event.end_mark)
        var properties = false
        var text = ""
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            properties = mapping.anchor != nil || mapping.tag != nil
            kind = .mappingStart(flow: mapping.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            properties = sequence.anchor != nil || sequence.tag != nil
            kind = .sequenceStart(flow: sequence.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            properties = scalar.anchor != nil || scalar.tag != nil
            kind = .scalar(LibYAML.style(scalar.style), bytes: scalar.length)
            if wanted { text = LibYAML.normalised(scalar.value, scalar.length) }
        case YAML_ALIAS_EVENT: kind = .alias
        // YAML_STREAM_END_EVENT, and YAML_NO_EVENT, which libyaml gives only past the end.
        default: kind = .streamEnd
        }
        return YAMLEvent(kind: kind, start: start, end: end, hasProperties: properties, text: text)
    }
}
