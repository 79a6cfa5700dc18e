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

    /// Fills `{name}` placeholders in both languages.
    public func filling(_ values: [String: Localized]) -> Localized {
        var vi = self.vi
        var en = self.en
        for (name, value) in values {
            vi = vi.replacingOccurrences(of: "{\(name)}", with: value.vi)
            en = en.replacingOccurrences(of: "{\(name)}", with: value.en)
        }
        return Localized(vi: vi, en: en)
    }
}

extension Localized {
    static func + (a: Localized, b: Localized) -> Localized {
        Localized(vi: a.vi + b.vi, en: a.en + b.en)
    }
}
