import YAMLTree

/// The cost catalogue (criteria/catalogue.yaml): what can be bought and for how much, what
/// can be done without buying, and who acts. The city edits the prices; the engine only reads them.
public struct Catalogue: Sendable {
    public struct Item: Sendable {
        public var key: String
        public var name: Localized
        public var unitCost: Int
        public var who: Localized
        /// The key of `who` in `roles`, so reports can gather what each party must do.
        public var role: String
    }

    public struct Action: Sendable {
        public var key: String
        public var name: Localized
        public var who: Localized
        public var role: String
    }

    public var items: [String: Item]
    public var itemOrder: [String]
    public var actions: [String: Action]
    public var actionOrder: [String]
    public var roles: [String: Localized]
    /// Role keys in the order the catalogue lists them: the order of the per-party views.
    public var roleOrder: [String]
    /// Criterion groups and their labels, in the order reports show them.
    public var groups: [(key: String, label: Localized)]
    /// The remedy for a fact that was not reported.
    public var report: Action
    /// The criteria set's version as the city names it (`version: "2025.1"`), nil when the
    /// folder does not say: with the folder's digest, what every audit records of its criteria.
    public var version: String? = nil

    public func groupLabel(_ key: String) -> Localized {
        groups.first { $0.key == key }?.label ?? Localized(key)
    }

    public static func load(path: String, sink: DiagnosticSink) -> Catalogue? {
        let (tree, _) = loadConfigTree(path, sink)
        guard let root = tree,
              var reader = MappingReader(root, sink, allowed: ["catalogue", "version", "groups", "roles", "items", "actions", "report"], what: "catalogue")
        else { return nil }
        let version = reader.line("version", required: false)
        var groups: [(key: String, label: Localized)] = []
        for entry in reader.required("groups")?.entries ?? [] {
            if let text = MappingReader.localized(entry.value, sink) { groups.append((entry.key, text)) }
        }
        var roles: [String: Localized] = [:]
        var roleOrder: [String] = []
        for entry in reader.required("roles")?.entries ?? [] {
            if let text = MappingReader.localized(entry.value, sink) {
                roles[entry.key] = text
                roleOrder.append(entry.key)
            }
        }
        func role(_ reader: inout MappingReader) -> (key: String, who: Localized)? {
            guard let key = reader.string("who") else { return nil }
            if let found = roles[key] { return (key, found) }
            sink.error(.configInvalid, at: reader.entry("who")!.value.start,
                       Localized(vi: "vai trò không có trong `roles`: `\(key)`", en: "role not in `roles`: `\(key)`"),
                       hint: Suggestion.nearest(to: key, among: Array(roles.keys)).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
            return nil
        }
        var items: [String: Item] = [:]
        var itemOrder: [String] = []
        for entry in reader.required("items")?.entries ?? [] {
            guard var item = MappingReader(entry.value, sink, allowed: ["vi", "en", "unit_cost", "who"], what: "item `\(entry.key)`"),
                  let vi = item.string("vi"), let en = item.string("en"), let cost = item.money("unit_cost"), let who = role(&item)
            else { continue }
            items[entry.key] = Item(key: entry.key, name: Localized(vi: vi, en: en), unitCost: cost, who: who.who, role: who.key)
            itemOrder.append(entry.key)
        }
        var actions: [String: Action] = [:]
        var actionOrder: [String] = []
        for entry in reader.optional("actions")?.entries ?? [] {
            // "report" names the remedy for facts not reported; an action may not take it.
            if entry.key == "report" {
                sink.error(.configInvalid, at: entry.keyStart, Localized(vi: "`report` là tên dành riêng, đặt tên khác cho việc này", en: "`report` is reserved; give this action another name"))
                continue
            }
            guard var action = MappingReader(entry.value, sink, allowed: ["vi", "en", "who"], what: "action `\(entry.key)`"),
                  let vi = action.string("vi"), let en = action.string("en"), let who = role(&action)
            else { continue }
            actions[entry.key] = Action(key: entry.key, name: Localized(vi: vi, en: en), who: who.who, role: who.key)
            actionOrder.append(entry.key)
        }
        var report: Action?
        if let node = reader.required("report"), var r = MappingReader(node, sink, allowed: ["vi", "en", "who"], what: "report"),
           let vi = r.string("vi"), let en = r.string("en"), let who = role(&r) {
            report = Action(key: "report", name: Localized(vi: vi, en: en), who: who.who, role: who.key)
        }
        guard !sink.hasErrors, let report else { return nil }
        return Catalogue(items: items, itemOrder: itemOrder, actions: actions, actionOrder: actionOrder, roles: roles, roleOrder: roleOrder, groups: groups, report: report,
                         version: version)
    }
}
