import Foundation

/// The two languages the tool speaks. Vietnamese is the users' language and the default.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// A text in both languages. Everything a user reads is carried this way, so one result
/// can be rendered in either language without being re-derived.
public struct Localized: Sendable, Hashable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// For text that reads the same in both languages (a number, a file name, a fact path).
    public init(_ both: String) {
        self.vi = both
        self.en = both
    }

    public func text(_ language: Language) -> String {
        language == .vi ? vi : en
    }

    public func map(_ transform: (String) -> String) -> Localized {
        Localized(vi: transform(vi), en: transform(en))
    }

    /// Fills `{name}` placeholders in both languages, in one pass over the text: a value is
    /// never searched for placeholders itself, and no Foundation string search runs per remedy
    /// (that was a third of an audit's time). A `{…}` naming no value is left as written.
    public func filling(_ values: [String: Localized]) -> Localized {
        filling { values[$0] }
    }

    /// Fills `{name}` placeholders with the value `value(name)` gives, nil leaving the
    /// placeholder as written: a value is made only when the text names it (a remedy's
    /// "observed" and "required" words cost more than the rest of its text).
    public func filling(_ value: (String) -> Localized?) -> Localized {
        Localized(vi: Self.fill(vi, value, vi: true), en: Self.fill(en, value, vi: false))
    }

    /// The same, in `language` alone when one is given: both sides then hold its words. For a
    /// report written in one language, which reads no other.
    public func filling(in language: Language?, _ value: (String) -> Localized?) -> Localized {
        guard let language else { return filling(value) }
        return Localized(Self.fill(text(language), value, vi: language == .vi))
    }

    /// A text worded in `language` alone when one is given (both sides then hold it), in both otherwise.
    public static func worded(in language: Language?, _ words: (Language) -> String) -> Localized {
        guard let language else { return Localized(vi: words(.vi), en: words(.en)) }
        return Localized(words(language))
    }

    private static func fill(_ template: String, _ values: (String) -> Localized?, vi: Bool) -> String {
        var utf8Template = template
        // Native strings are contiguous UTF-8: read them through a pointer, not index by index,
        // and copy the text between placeholders in runs.
        return utf8Template.withUTF8 { utf8 in
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            guard var brace = utf8.firstIndex(of: open) else { return template }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 32)
            var copied = 0
            while true {
                if let end = utf8[(brace + 1)...].firstIndex(of: close),
                   let value = values(String(decoding: UnsafeBufferPointer(rebasing: utf8[(brace + 1)..<end]), as: UTF8.self)) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<brace]))
                    out.append(contentsOf: (vi ? value.vi : value.en).utf8)
                    copied = end + 1
                }
                // A `{` naming no value is copied as written with the run it is in.
                guard let next = utf8[max(copied, brace + 1)...].firstIndex(of: open) else { break }
                brace = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension Localized {
    public static func + (a: Localized, b: Localized) -> Localized {
        Localized(vi: a.vi + b.vi, en: a.en + b.en)
    }
}
