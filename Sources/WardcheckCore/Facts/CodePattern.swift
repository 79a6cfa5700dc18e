import Foundation

/// The unit-code patterns a facts schema writes (`^[0-9]{5}$`), matched without building a Swift
/// `Regex`: compiling one took longer than checking a ward file, and `check` of one file pays
/// for it at start-up. Only a plain subset is read here: anchors, literal characters, `\d`,
/// character classes with ranges, and the quantifiers `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`.
/// Anything else (groups, alternation, `.`, other escapes), and any text that is not plain ASCII,
/// is left to `Regex`, so the answer is always the one `Regex.wholeMatch` gives.
struct CodePattern: Sendable {
    /// One position of the pattern: which ASCII characters it takes, and how many times.
    private struct Item: Sendable {
        var low: UInt64
        var high: UInt64
        var min: Int
        var max: Int

        func accepts(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
        }
    }

    private let items: [Item]

    /// Nil when the pattern uses more than the plain subset.
    init?(_ pattern: String) {
        var bytes = Array(pattern.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        // Whole-string matching makes the anchors redundant; an anchor anywhere else is not plain.
        if bytes.first == UInt8(ascii: "^") { bytes.removeFirst() }
        if bytes.last == UInt8(ascii: "$"), bytes.count >= 2, bytes[bytes.count - 2] != UInt8(ascii: "\\") { bytes.removeLast() }
        var items: [Item] = []
        var i = 0
        func isLiteral(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ":") || b == UInt8(ascii: " ")
        }
        func isEscapable(_ b: UInt8) -> Bool { "\\.-/^$*+?()[]{}|".utf8.contains(b) }
        while i < bytes.count {
            var item = Item(low: 0, high: 0, min: 1, max: 1)
            func add(_ b: UInt8) { if b < 64 { item.low |= 1 << UInt64(b) } else { item.high |= 1 << UInt64(b - 64) } }
            let b = bytes[i]
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { return nil }
                let e = bytes[i + 1]
                if e == UInt8(ascii: "d") {
                    for d in UInt8(ascii: "0")...UInt8(ascii: "9") { add(d) }
                } else if isEscapable(e) {
                    add(e)
                } else {
                    return nil
                }
                i += 2
            } else if b == UInt8(ascii: "[") {
                i += 1
                let negated = i < bytes.count && bytes[i] == UInt8(ascii: "^")
                if negated { i += 1 }
                var members = 0
                while i < bytes.count, bytes[i] != UInt8(ascii: "]") {
                    let first = bytes[i]
                    guard isLiteral(first) else { return nil }
                    if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] != UInt8(ascii: "]") {
                        let last = bytes[i + 2]
                        guard isLiteral(last), first <= last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return nil }
                        for c in first...last { add(c) }
                        i += 3
                    } else {
                        add(first)
                        i += 1
                    }
                    members += 1
                }
                guard i < bytes.count, members > 0 else { return nil }
                i += 1
                if negated { item.low = ~item.low; item.high = ~item.high }
            } else if isLiteral(b) {
                add(b)
                i += 1
            } else {
                return nil
            }
            if i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "?"): (item.min, item.max) = (0, 1); i += 1
                case UInt8(ascii: "*"): (item.min, item.max) = (0, Int.max); i += 1
                case UInt8(ascii: "+"): (item.min, item.max) = (1, Int.max); i += 1
                case UInt8(ascii: "{"):
                    guard let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                    let inside = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                    let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
                    guard (1...2).contains(parts.count), parts[0].count <= 4, let low = Int(parts[0]) else { return nil }
                    var high = low
                    if parts.count == 2 {
                        if parts[1].isEmpty { high = Int.max } else {
                            guard parts[1].count <= 4, let h = Int(parts[1]), h >= low else { return nil }
                            high = h
                        }
                    }
                    (item.min, item.max) = (low, high)
                    i = close + 1
                default: break
                }
                // A lazy or possessive quantifier, or a quantifier on a quantifier, is not plain.
                if i < bytes.count, "?*+{".utf8.contains(bytes[i]) { return nil }
            }
            items.append(item)
        }
        self.items = items
    }

    /// Whether the whole text matches; nil when the text is not plain ASCII (no line breaks),
    /// where `Regex`'s rules for characters apply instead.
    func wholeMatch(_ text: String) -> Bool? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        // Which text offsets the items so far can end at.
        var reachable = [Bool](repeating: false, count: bytes.count + 1)
        reachable[0] = true
        for item in items {
            var next = [Bool](repeating: false, count: bytes.count + 1)
            for start in 0...bytes.count where reachable[start] {
                var count = 0
                var at = start
                while true {
                    if count >= item.min { next[at] = true }
                    guard count < item.max, at < bytes.count, item.accepts(bytes[at]) else { break }
                    count += 1
                    at += 1
                }
            }
            reachable = next
        }
        return reachable[bytes.count]
    }
}

/// A schema pattern ready to match: the plain matcher where it applies, Swift's `Regex` (built
/// on first use, once) for the rest.
final class CodeMatcher: @unchecked Sendable {
    private let plain: CodePattern?
    private let pattern: String
    private let lock = NSLock()
    // Built once, under the lock, then only read; a Regex is immutable.
    private var regex: Regex<AnyRegexOutput>??

    init(_ pattern: String) {
        self.pattern = pattern
        self.plain = CodePattern(pattern)
    }

    /// Whether the pattern is one the schema may use: one the plain matcher or `Regex` can read.
    static func isValid(_ pattern: String) -> Bool {
        CodePattern(pattern) != nil || (try? Regex(pattern)) != nil
    }

    func matches(_ text: String) -> Bool {
        if let plain, let answer = plain.wholeMatch(text) { return answer }
        lock.lock()
        if regex == nil { regex = .some(try? Regex(pattern)) }
        let compiled = regex!
        lock.unlock()
        guard let compiled else { return false }
        return (try? compiled.wholeMatch(in: text)) != nil
    }
}
