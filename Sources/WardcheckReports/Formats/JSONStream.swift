/// A pretty-printed JSON document written piece by piece, in the same bytes `JSON.serialised()`
/// gives the whole: containers are opened and closed as the report goes, values are appended
/// as they are ready, and the bytes written so far can be taken and sent to the output at any
/// point. A report of a hundred thousand units never has to exist whole in memory, and each
/// unit's part can be serialised on the core that judged it (`fragment`, `appendFragment`).
public struct JSONStream {
    /// What has been written and not yet taken (`JSONBytes`: appended through a pointer).
    private var buffer: JSONBytes
    /// The open containers, outermost first: whether each is an object, and how many members it has so far.
    private var open: [(object: Bool, count: Int)] = []
    /// How deep in a larger document the first value sits (a fragment's depth); 0 for a whole document.
    private let depth: Int

    /// A document, or with `depth`, a fragment of one: a value written as it would sit `depth`
    /// containers deep (an item of a top-level array is at depth 2).
    public init(depth: Int = 0) {
        self.depth = depth
        buffer = JSONBytes(capacity: depth > 0 ? 4096 : 1 << 16)
    }

    /// The bytes written so far and not yet taken.
    public var bytes: [UInt8] { buffer.array }

    /// How many bytes `bytes` holds.
    public var count: Int { buffer.count }

    /// The buffer, copied first if a copy of this stream shares it: each stream writes its own bytes.
    private mutating func out() -> JSONBytes {
        if !isKnownUniquelyReferenced(&buffer) { buffer = buffer.copy() }
        return buffer
    }

    /// Text escaped as `JSON.escape` writes it, with its quotes.
    private mutating func escaped(_ text: String) {
        var escaped: [UInt8] = []
        JSON.escape(text, into: &escaped)
        out().append(contentsOf: escaped)
    }

    /// A name or literal written in the program, as it is.
    private mutating func append(_ text: StaticString) {
        out().append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// How deep the next value sits: the level `JSON.write(into:level:)` is given for it.
    public var level: Int { open.count + depth }

    // Members written without building a `JSON` value first.

    public mutating func member(_ key: Key, string: String) {
        // Text that needs no escape is appended with its name at once.
        var string = string
        let done = string.withUTF8 { text -> Bool in
            guard PlainText.isPlain(text) else { return false }
            return Self.withPlainName(key) { literalKey($0, value: text, quoted: true) }
        }
        if done { return }
        self.key(key)
        escaped(string)
    }

    public mutating func member(_ key: Key, string: String?) {
        guard let string else { return member(key, null: ()) }
        member(key, string: string)
    }

    public mutating func member(_ key: Key, int: Int) {
        // The digits written on the stack, then the name and the digits appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = int.magnitude
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            if int < 0 {
                i -= 1
                digits[i] = UInt8(ascii: "-")
            }
            let value = UnsafeBufferPointer(rebasing: digits[i...])
            if !Self.withPlainName(key, { literalKey($0, value: value) }) {
                self.key(key)
                out().append(value)
            }
        }
    }

    public mutating func member(_ key: Key, bool: Bool) {
        self.key(key)
        append(bool ? "true" : "false")
    }

    public mutating func member(_ key: Key, null: Void) {
        self.key(key)
        append("null")
    }

    /// `"key": ["a", "b"]`.
    public mutating func member(_ key: Key, strings: [String]) {
        self.key(key)
        beginArray()
        for string in strings {
            separate()
            escaped(string)
        }
        end()
    }

    /// The bytes written so far, handed over (to be written out), leaving the buffer empty.
    public mutating func take() -> [UInt8] {
        let buffer = out()
        defer { buffer.removeAll() }
        return buffer.array
    }

    /// A member's name. Most are written in the report's code (`"code"`, `"quantity"`): those
    /// are the program's own text, read in place and copied as they are when they need no
    /// escape; a name that comes from data (a criterion's id) is escaped as any text is.
    /// Writing each name through the general escaper was a tenth of writing a unit's part.
    public struct Key: ExpressibleByStringLiteral, Sendable {
        fileprivate enum Storage: Sendable {
            case literal(StaticString)
            case text(String)
            /// The name's bytes as `JSON.escape` writes them, without the quotes.
            case escaped([UInt8])
        }

        fileprivate let storage: Storage

        public init(stringLiteral value: StaticString) { storage = .literal(value) }
        public init(_ text: String) { storage = .text(text) }

        /// A name from data escaped once, for a name written again and again (a criterion's id
        /// in every unit's part): it is then copied as a name written in the program is.
        public static func prepared(_ text: String) -> Key {
            var quoted: [UInt8] = []
            JSON.escape(text, into: &quoted)
            return Key(storage: .escaped(Array(quoted.dropFirst().dropLast())))
        }

        private init(storage: Storage) { self.storage = storage }
    }

    /// A member whose value is already serialised (`JSON.escape`d text, say), appended with its name at once.
    public mutating func member(_ key: Key, serialised value: [UInt8]) {
        value.withUnsafeBufferPointer { value in
            if !Self.withPlainName(key, { literalKey($0, value: value) }) {
                self.key(key)
                out().append(value)
            }
        }
    }

    /// Hands `body` the name's bytes when they are written as they are (no escape), and says
    /// whether it did: a name written in the program, one escaped once (`Key.prepared`), or
    /// text from data that needs no escape.
    private static func withPlainName(_ key: Key, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        switch key.storage {
        case .escaped(let name):
            name.withUnsafeBufferPointer(body)
            return true
        case .literal:
            guard let name = plainLiteral(key) else { return false }
            body(name)
            return true
        case .text(var text):
            return text.withUTF8 { name in
                guard PlainText.isPlain(name) else { return false }
                body(name)
                return true
            }
        }
    }

    /// Starts a member of the innermost object: the separator, the line break and `"key": `.
    public mutating func key(_ key: Key) {
        if Self.withPlainName(key, { literalKey($0) }) { return }
        precondition(open.last?.object == true, "a key outside an object")
        separate()
        switch key.storage {
        case .literal(let name):
            escaped(name.description)
        case .text(let text):
            escaped(text)
        case .escaped(let name):
            out().append(UInt8(ascii: "\""))
            out().append(contentsOf: name)
            out().append(UInt8(ascii: "\""))
        }
        append(": ")
    }

    /// Printable ASCII that `JSON.escape` copies as it is.
    private static func isPlainInName(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
    }

    /// A name written in the program that `JSON.escape` would copy as it is: its bytes in place.
    private static func plainLiteral(_ key: Key) -> UnsafeBufferPointer<UInt8>? {
        guard case .literal(let name) = key.storage, name.hasPointerRepresentation, name.utf8CodeUnitCount <= 64 else { return nil }
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        return utf8.allSatisfy(isPlainInName) ? utf8 : nil
    }

    /// The separator, line break, indentation and `"name": ` of a plain name, and the value's
    /// bytes when given, written at once into room made for them all.
    private mutating func literalKey(_ name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>? = nil, quoted: Bool = false) {
        precondition(open.last?.object == true, "a key outside an object")
        let comma = open[open.count - 1].count > 0
        open[open.count - 1].count += 1
        let indent = 2 * (open.count + depth)
        let total = 1 + 1 + indent + name.count + 4 + (value?.count ?? 0) + (quoted ? 2 : 0)
        let buffer = out()
        do {
            // Copied in runs (`initialize`, `update`): byte by byte, this was most of a name's cost.
            let start = buffer.room(total)
            var i = 0
            if comma { start[i] = UInt8(ascii: ","); i += 1 }
            start[i] = 0x0A
            i += 1
            (start + i).initialize(repeating: 0x20, count: indent)
            i += indent
            start[i] = UInt8(ascii: "\"")
            i += 1
            if let from = name.baseAddress { (start + i).update(from: from, count: name.count) }
            i += name.count
            start[i] = UInt8(ascii: "\"")
            start[i + 1] = UInt8(ascii: ":")
            start[i + 2] = 0x20
            i += 3
            if quoted { start[i] = UInt8(ascii: "\""); i += 1 }
            if let value, let from = value.baseAddress {
                (start + i).update(from: from, count: value.count)
                i += value.count
            }
            if quoted { start[i] = UInt8(ascii: "\""); i += 1 }
            buffer.commit(i)
        }
    }

    /// A member with its whole value.
    public mutating func member(_ key: Key, _ value: JSON) {
        self.key(key)
        out().append(contentsOf: Self.fragment(value, level: level))
    }

    /// A whole value: the document itself, a member's value after `key`, or an item of the innermost array.
    public mutating func value(_ value: JSON) {
        if open.last?.object == false { separate() }
        out().append(contentsOf: Self.fragment(value, level: level))
    }

    /// An item already serialised at this level (see `fragment`), appended as it is.
    public mutating func appendFragment<Bytes: Collection>(_ fragment: Bytes) where Bytes.Element == UInt8 {
        if open.last?.object == false { separate() }
        out().append(contentsOf: fragment)
    }

    /// More bytes of the value `appendFragment` began, appended with no separator.
    public mutating func continueFragment<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        out().append(contentsOf: bytes)
    }

    /// `count` more bytes of that value, which `fill` writes in place (a part read back from disk
    /// straight into the document); false, with nothing added, when `fill` could not.
    public mutating func continueFragment(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool {
        let buffer = out()
        guard fill(UnsafeMutableRawBufferPointer(start: buffer.room(count), count: count)) else { return false }
        buffer.commit(count)
        return true
    }

    public mutating func beginObject() { begin(UInt8(ascii: "{"), object: true) }
    public mutating func beginArray() { begin(UInt8(ascii: "["), object: false) }

    /// Closes the innermost container: `{}` or `[]` when it stayed empty, as `serialised()` writes them.
    public mutating func end() {
        guard let closing = open.popLast() else { preconditionFailure("nothing to close") }
        if closing.count > 0 { newline(open.count + depth) }
        out().append(closing.object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        if open.isEmpty, depth == 0 { out().append(0x0A) }
    }

    /// A value serialised alone, as it would sit `level` containers deep in a document.
    public static func fragment(_ value: JSON, level: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        value.write(into: &bytes, level: level)
        return bytes
    }

    private mutating func begin(_ bracket: UInt8, object: Bool) {
        if open.last?.object == false { separate() }
        out().append(bracket)
        open.append((object, 0))
    }

    /// Before a member or an item: a comma after the previous one, then a new line at the member's depth.
    private mutating func separate() {
        if open[open.count - 1].count > 0 { out().append(UInt8(ascii: ",")) }
        open[open.count - 1].count += 1
        newline(open.count + depth)
    }

    private mutating func newline(_ level: Int) {
        // The line break and its indentation written at once into room made for them.
        let buffer = out()
        let start = buffer.room(1 + 2 * level)
        start.pointee = 0x0A
        (start + 1).initialize(repeating: 0x20, count: 2 * level)
        buffer.commit(1 + 2 * level)
    }
}
