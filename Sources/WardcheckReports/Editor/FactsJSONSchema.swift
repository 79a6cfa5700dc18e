import Foundation
import WardcheckCore

/// The facts format as a JSON Schema (draft 2020-12), generated from the facts schema
/// (criteria/facts.yaml) so that an editor with the YAML language server completes and checks a
/// ward file as it is typed. Generic: every field, type, bound and text comes from the schema.
///
/// The schema describes the file as a YAML 1.2 loader hands it to a validator, which is how the
/// YAML language server reads it: dates stay strings (checked by a pattern), `yes` is a string,
/// `true` a boolean, `12` a number. Only keywords that mean the same in draft-07 are used, so
/// editors that still validate with draft-07 read it the same. What JSON Schema cannot say
/// (cross-field rules, dates after the facts date, duplicate keys, YAML strictness) is left to
/// `wardcheck validate` and listed in `$comment` and docs/editors.md.
///
/// Descriptions: `description` is Vietnamese, the users' language and what every tool shows;
/// `markdownDescription` (the VS Code keyword the YAML language server shows on hover and in
/// completion in place of `description`) carries Vietnamese then English, so both reach the
/// editor; `x-description-en` carries the English alone for tools that want one language.
/// JSON Schema 2020-12 treats keywords it does not know as annotations, so validators ignore both.
public enum FactsJSONSchema {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The end of the value. Not `$`: in Python's `re` and in ICU, `$` also matches before a final
    /// line break, so "2025-07-05\n" would pass there while ECMA-262 (the dialect JSON Schema
    /// names) and wardcheck refuse it. "Followed by nothing" means the same in all three.
    static let end = "(?![\\s\\S])"

    /// A calendar date, `YYYY-MM-DD`, with month lengths and leap years, as wardcheck reads dates.
    public static let datePattern = "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)" + end

    /// Text without control characters other than tab and line feed, as wardcheck reads text.
    public static let textPattern = "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*" + end

    public static func render(_ schema: FactsSchema) -> String {
        document(schema).serialised()
    }

    public static func document(_ schema: FactsSchema) -> JSON {
        let versions = schema.formats.map(String.init).joined(separator: ", ")
        var root: [(String, JSON)] = [
            ("$schema", .string(dialect)),
            ("$comment", .string(comment(schema))),
            ("title", .string("wardcheck — tệp dữ kiện, định dạng \(versions)")),
        ]
        root += describe(Localized(vi: "Số liệu của một đơn vị hành chính cấp xã, định dạng \(versions). Kiểm tra đầy đủ bằng `wardcheck validate`.",
                                   en: "Facts for one commune-level unit, format \(versions). Check fully with `wardcheck validate`."))
        root.append(("type", .string("object")))
        root += object(under: "", schema)
        return .object(root)
    }

    /// The properties, required keys and closedness of one block ("" for the top level).
    private static func object(under parent: String, _ schema: FactsSchema) -> [(String, JSON)] {
        var properties: [(String, JSON)] = []
        var required: [String] = []
        for key in schema.keys(under: parent) {
            let path = parent.isEmpty ? key : parent + "." + key
            guard let field = schema.field(path) else { continue }
            if field.required { required.append(key) }
            properties.append((key, property(field, schema)))
        }
        return [
            ("required", .array(required.map(JSON.string))),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
    }

    private static func property(_ field: FactsSchema.Field, _ schema: FactsSchema) -> JSON {
        // A field left empty is "not reported": allowed, except where the field is required.
        func types(_ names: [String]) -> JSON {
            let all = field.required ? names : names + ["null"]
            return all.count == 1 ? .string(all[0]) : .array(all.map(JSON.string))
        }
        var members = describe(field.description)
        let largest = JSON.number(NumberText.plain(ScalarReading.largest))
        // Zero, unless the field says zero is impossible.
        let least = field.minimum.map { JSON.number(NumberText.plain($0)) } ?? .int(0)
        switch field.type {
        case .block:
            members.append(("type", types(["object"])))
            members += object(under: field.path, schema)
        case .boolean:
            members.append(("type", types(["boolean"])))
        case .count where field.path == schema.formatField:
            // The version field: only the versions this schema reads.
            members.append(("type", types(["integer"])))
            members.append(("enum", .array(schema.formats.map(JSON.int) + (field.required ? [] : [.null]))))
        case .count:
            members += [("type", types(["integer"])), ("minimum", least), ("maximum", largest)]
        case .number:
            members += [("type", types(["number"])), ("minimum", least), ("maximum", largest)]
        case .date:
            members += [("type", types(["string"])), ("format", .string("date")), ("pattern", .string(datePattern))]
        case .text:
            // wardcheck reads any scalar as text; a YAML 1.2 loader turns `12` or `true` into a number or a boolean.
            members += [("type", types(["string", "number", "boolean"])), ("pattern", .string(textPattern))]
        case .enumeration(let values, _):
            var allowed: [JSON] = []
            for value in values {
                allowed.append(.string(value))
                // A value that a YAML 1.2 loader would read as something other than text, written plain.
                if let other = YAMLCoreScalar.resolve(value) { allowed.append(other) }
            }
            if !field.required { allowed.append(.null) }
            members.append(("enum", .array(allowed)))
        case .code(let pattern, _):
            // The code is text in quotes (its hint says so); wardcheck matches the whole value.
            members += [("type", types(["string"])), ("pattern", .string("^(?:" + pattern + ")" + end))]
        }
        return .object(members)
    }

    private static func describe(_ text: Localized) -> [(String, JSON)] {
        [
            ("description", .string(text.vi)),
            ("markdownDescription", .string(text.vi == text.en ? text.vi : text.vi + "\n\n*" + text.en + "*")),
            ("x-description-en", .string(text.en)),
        ]
    }

    private static func comment(_ schema: FactsSchema) -> String {
        var rules = schema.bounds.map { "\($0.fact) ≤ \($0.atMost)" }
        rules.append("no date after \(schema.referenceDate), and \(schema.referenceDate) not after today")
        return "Generated by `wardcheck schema` from \(URL(fileURLWithPath: schema.file).lastPathComponent); do not edit. "
            + "Checked by `wardcheck validate` only (JSON Schema cannot express them): " + rules.joined(separator: "; ")
            + "; duplicate keys, anchors and aliases, tags; YAML spellings wardcheck refuses (yes/no, True, 012, 1e3, Null). See docs/editors.md."
    }
}

/// How a YAML 1.2 loader (core schema) reads a plain scalar that is not text, for the few places
/// the schema must name the value such a loader produces.
enum YAMLCoreScalar {
    static func resolve(_ text: String) -> JSON? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if text.range(of: "^[-+]?[0-9]+$", options: .regularExpression) != nil, let n = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) {
            return .int(n)
        }
        if text.range(of: "^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$", options: .regularExpression) != nil,
           let x = Double(text), x.isFinite {
            return .number(String(x))
        }
        return nil
    }
}
