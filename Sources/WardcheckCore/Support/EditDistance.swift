/// Suggests the nearest valid word for a typo ("genrator" → "generator").
public enum Suggestion {
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        let length = lowered.unicodeScalars.count
        for candidate in candidates {
            // A length difference beyond what is allowed already rules the candidate out, so the
            // edit distance (quadratic) is only computed for words that could be a typo.
            let candidateLength = candidate.unicodeScalars.count
            if abs(candidateLength - length) > max(1, min(length, candidateLength) / 3) { continue }
            let distance = levenshtein(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        // Allow about one edit in three characters: close enough to be a typo, not a different word.
        let allowed = max(1, min(word.count, candidate.count) / 3)
        return distance <= allowed ? candidate : nil
    }

    /// The nearest word only when no other is as near: safe to act on, not only to suggest.
    public static func unambiguous(to word: String, among candidates: [String]) -> String? {
        guard let best = nearest(to: word, among: candidates) else { return nil }
        let distance = levenshtein(word.lowercased(), best.lowercased())
        let ties = candidates.filter { levenshtein(word.lowercased(), $0.lowercased()) == distance }
        return ties.count == 1 ? best : nil
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                // A swapped pair of letters is one slip, not two.
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous[j - 1])
                }
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
