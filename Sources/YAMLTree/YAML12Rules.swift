#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What YAML 1.2 forbids and libyaml lets through. Found by running the invalid cases of the
/// yaml-test-suite against the loader: six were accepted (9C9N, DK95/01, QB6E, S98Z, SU5Z, X4QW).
/// Each is one of three rules below, checked on the source text around the events libyaml
/// reports, so a file that another YAML 1.2 parser would refuse is refused here too.
public enum YAML12Rule: Sendable, Equatable {
    /// A quoted value or a `[…]`/`{…}` continued on a line that is not indented more than the key
    /// (or list dash) it belongs to (9C9N, QB6E; DK95/01 where a tab stands for the indentation).
    case continuationNotIndented
    /// `#` directly after a closing quote or a `|`/`>` indicator: a comment must follow a space (SU5Z, X4QW).
    case commentWithoutSpace
    /// A blank line at the start of a `|`/`>` block with more spaces than its first line (S98Z).
    case blockScalarLeadingSpaces
}

extension YAML12Rule {
    /// Whether `"#` or `'#` occurs anywhere in the bytes: only there can a comment be stuck to a
    /// closing quote, so a file without them needs no look at its lines for that rule.
    public static func quoteBeforeHash(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            // Every file is looked at: memchr finds the few `#` much faster than a look at each byte.
            var from = 0
            while from < buffer.count, let found = memchr(base + from, Int32(UInt8(ascii: "#")), buffer.count - from) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if offset > 0, buffer[offset - 1] == UInt8(ascii: "\"") || buffer[offset - 1] == UInt8(ascii: "'") { return true }
                from = offset + 1
            }
            return false
        }
    }
}

/// The source as libyaml counts it: lines split at every break libyaml knows (LF, CR, CRLF, NEL,
/// U+2028, U+2029), columns in characters. Built once per file, only when a check needs it.
struct SourceLines {
    let bytes: [UInt8]
    /// Byte offset of each line's first byte, and of the end of its text (where its break
    /// starts): line n (1-based) is `bytes[starts[n - 1]..<ends[n - 1]]`.
    private var starts: [Int] = [0]
    private var ends: [Int] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var width = 0
            if b == 0x0A {
                width = 1
            } else if b == 0x0D {
                width = i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {
                width = 2
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                width = 3
            }
            if width > 0 {
                ends.append(i)
                starts.append(i + width)
                i += width
            } else {
                i += 1
            }
        }
        ends.append(n)
    }

    var count: Int { starts.count }

    /// The bytes of line `line` (1-based), without its break.
    func line(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= starts.count else { return [] }
        return bytes[starts[line - 1]..<ends[line - 1]]
    }

    /// The byte offset of a 1-based line and character column, or nil past the line.
    func offset(_ mark: Mark) -> Int? {
        let text = line(mark.line)
        var characters = 1
        for offset in text.indices where text[offset] & 0xC0 != 0x80 {
            if characters == mark.column { return offset }
            characters += 1
        }
        return characters == mark.column ? text.endIndex : nil
    }
}

extension SourceLines {
    /// The first line after `first` up to `last` whose content starts at or left of `indent`
    /// (0-based; -1 means any indentation will do), with the column where its content starts.
    /// Blank lines and comment lines carry no content and are skipped.
    func underIndented(from first: Int, through last: Int, indent: Int) -> Mark? {
        guard last > first else { return nil }
        for number in (first + 1)...min(last, count) {
            let text = line(number)
            var spaces = 0
            var index = text.startIndex
            while index < text.endIndex, text[index] == 0x20 { spaces += 1; index += 1 }
            var rest = index
            while rest < text.endIndex, text[rest] == 0x20 || text[rest] == 0x09 { rest += 1 }
            if rest == text.endIndex || text[rest] == UInt8(ascii: "#") { continue }
            if spaces <= indent { return Mark(line: number, column: spaces + 1) }
        }
        return nil
    }

    /// For a `|` or `>` scalar whose header starts at `header`: `#` stuck to the indicator, or
    /// leading blank lines with more spaces than the first content line (when indentation is
    /// detected, not given). Returns the rule broken and where.
    func blockScalarProblem(header: Mark, indent: Int) -> (YAML12Rule, Mark)? {
        guard let start = offset(header) else { return nil }
        let text = line(header.line)
        var index = start + 1
        var explicit = false
        while index < text.endIndex, index < start + 3,
              text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") || (0x31...0x39).contains(text[index]) {
            if (0x31...0x39).contains(text[index]) { explicit = true }
            index += 1
        }
        if index < text.endIndex, text[index] == UInt8(ascii: "#") {
            return (.commentWithoutSpace, Mark(line: header.line, column: header.column + (index - start)))
        }
        if explicit { return nil }
        var widestBlank = (spaces: -1, line: 0)
        guard header.line < count else { return nil }
        for number in (header.line + 1)...count {
            let text = line(number)
            let spaces = text.prefix(while: { $0 == 0x20 }).count
            if spaces == text.count {
                if spaces > widestBlank.spaces { widestBlank = (spaces, number) }
                continue
            }
            // The first line with content: it belongs to the block only when indented past the key.
            if spaces > indent, widestBlank.spaces > spaces {
                return (.blockScalarLeadingSpaces, Mark(line: widestBlank.line, column: 1))
            }
            return nil
        }
        return nil
    }

    /// `#` right after the closing quote at `end` (the mark just past the quote).
    func commentStuckTo(end: Mark) -> Bool {
        guard let offset = offset(end), offset < bytes.count else { return false }
        return bytes[offset] == UInt8(ascii: "#")
    }
}
