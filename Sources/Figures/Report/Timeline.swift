import Foundation

/// Draws a ``Report/Series`` as an inline SVG chart: time across (the day each figure is given
/// as of), value up (from zero). Each article's figure is a point at its value as written with a
/// bar over its interval; an unbounded interval ends in an arrow at the top. Points about
/// everyone are hollow; points cited by a reversal finding are red. Each point has a tooltip
/// with its article, text and sentence; a chart of at most ``labelLimit`` points also labels
/// each point with its figure and article (beyond that the labels would hide each other).
struct Timeline {
    let series: Report.Series
    let width = 900.0, height = 300.0
    let left = 86.0, right = 24.0, top = 34.0, bottom = 46.0
    /// The most points a chart labels.
    static let labelLimit = 60

    func svg() -> String {
        var bytes: [UInt8] = []
        svg(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the chart as bytes: a series may have a hundred thousand points, each a dozen
    /// coordinates. `handOn` is called after each point with the bytes so far, and may take
    /// them (a chart of tens of megabytes is then not held, nor grown by doubling, whole).
    func svg(to b: inout [UInt8], handOn: (inout [UInt8]) -> Void = { _ in }) {
        let claims = series.table.claims, members = series.members, intervals = series.intervals, days = series.days
        var minDay = Double(days.min()!), maxDay = Double(days.max()!)
        let pad = max(1, (maxDay - minDay) * 0.06)
        minDay -= pad
        maxDay += pad
        var finiteTop = -Double.infinity
        for k in members.indices {
            let top = max(claims[members[k]].value, intervals[k].low, intervals[k].high.isFinite ? intervals[k].high : 0)
            if k == 0 || top > finiteTop { finiteTop = top }
        }
        let yMax = Timeline.niceCeiling(finiteTop * 1.12)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ day: Double) -> Double { left + (day - minDay) / (maxDay - minDay) * plotW }
        func y(_ value: Double) -> Double { top + plotH - min(value, yMax) / yMax * plotH }
        func f(_ v: Double) { ReportBytes.append(fixed1: v, to: &b) }
        func s(_ text: StaticString) { b.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        func escaped(_ text: String) { ReportBytes.append(html: text, to: &b) }

        let title = [series.place, Check.words(series.category), series.populationLabel, series.title].compactMap { $0 }.joined(separator: " · ")
        s("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "); ReportBytes.append(int: Int(width), to: &b)
        s(" "); ReportBytes.append(int: Int(height), to: &b); s("\" role=\"img\" aria-label=\""); escaped(title); s("\">")
        s("<title>"); escaped(title); s("</title>")
        s("<text x=\""); f(left); s("\" y=\"20\" font-size=\"14\" font-weight=\"600\" fill=\"#1f2328\">"); escaped(title); s("</text>")
        // Axes and grid.
        let percent = claims[members[0]].unit == .percent
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            s("<line x1=\""); f(left); s("\" x2=\""); f(width - right); s("\" y1=\""); f(y(v)); s("\" y2=\""); f(y(v)); s("\" stroke=\"#eaeef2\"/>")
            s("<text x=\""); f(left - 8); s("\" y=\""); f(y(v) + 4); s("\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">")
            ReportBytes.append(formatted: v, to: &b)
            if percent { s("%") }
            s("</text>")
        }
        s("<line x1=\""); f(left); s("\" x2=\""); f(width - right); s("\" y1=\""); f(y(0)); s("\" y2=\""); f(y(0)); s("\" stroke=\"#8c959f\"/>")
        s("<line x1=\""); f(left); s("\" x2=\""); f(left); s("\" y1=\""); f(top); s("\" y2=\""); f(y(0)); s("\" stroke=\"#8c959f\"/>")
        let distinct = Array(Set(days)).sorted()
        let step = max(1, Int((Double(distinct.count) / 6).rounded(.up)))
        for (k, day) in distinct.enumerated() where k % step == 0 || k == distinct.count - 1 {
            let dx = x(Double(day))
            s("<line x1=\""); f(dx); s("\" x2=\""); f(dx); s("\" y1=\""); f(y(0)); s("\" y2=\""); f(y(0) + 5); s("\" stroke=\"#8c959f\"/>")
            s("<text x=\""); f(dx); s("\" y=\""); f(y(0) + 18); s("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">")
            ReportBytes.append(day: Day(ordinal: day), to: &b)
            s("</text>")
        }
        // The figures in time order, joined faintly.
        s("<polyline points=\"")
        for k in members.indices {
            if k > 0 { s(" ") }
            f(x(Double(days[k]))); s(","); f(y(claims[members[k]].value))
            handOn(&b)
        }
        s("\" fill=\"none\" stroke=\"#afb8c1\" stroke-dasharray=\"4 3\"/>")
        // Labels keep clear of every point's marker and of each other.
        let labelled = members.count <= Timeline.labelLimit
        var placed: [Box] = labelled
            ? members.indices.map { Box(x: x(Double(days[$0])) - 6, y: y(claims[members[$0]].value) - 6, width: 12, height: 12) } : []
        var everyoneOf: [String: Bool] = [:]
        let flags = series.flags
        for k in members.indices {
            let claim = claims[members[k]]
            let interval = intervals[k]
            let flagged = flags[k]
            let color: StaticString = flagged ? "#cf222e" : "#0969da"
            let px = x(Double(days[k]))
            let low = y(interval.low)
            let high = interval.high.isFinite ? y(interval.high) : top
            s("<g class=\"point\" data-claim=\""); escaped(claim.article); s("@"); ReportBytes.append(int: claim.start, to: &b); s("\">")
            s("<title>"); escaped(claim.article); s(" (")
            if let published = claim.published { ReportBytes.append(day: published, to: &b) } else { s("?") }
            s("): "); escaped(claim.text); s(" ["); ReportBytes.append(interval: interval, to: &b); s("] as of ")
            ReportBytes.append(day: Day(ordinal: days[k]), to: &b); s(" — "); escaped(claim.sentence); s("</title>")
            s("<line x1=\""); f(px); s("\" x2=\""); f(px); s("\" y1=\""); f(low); s("\" y2=\""); f(high)
            s("\" stroke=\""); s(color); s("\" stroke-width=\"2\"/>")
            s("<line x1=\""); f(px - 5); s("\" x2=\""); f(px + 5); s("\" y1=\""); f(low); s("\" y2=\""); f(low)
            s("\" stroke=\""); s(color); s("\" stroke-width=\"2\"/>")
            if interval.high.isFinite {
                s("<line x1=\""); f(px - 5); s("\" x2=\""); f(px + 5); s("\" y1=\""); f(high); s("\" y2=\""); f(high)
                s("\" stroke=\""); s(color); s("\" stroke-width=\"2\"/>")
            } else {
                s("<polygon points=\""); f(px - 5); s(","); f(top + 7); s(" "); f(px + 5); s(","); f(top + 7); s(" "); f(px); s(","); f(top - 1)
                s("\" fill=\""); s(color); s("\"/>")
            }
            var everyone = true
            if let population = claim.population {
                if let known = everyoneOf[population] {
                    everyone = known
                } else {
                    everyone = PopulationKey.key(population) == nil
                    everyoneOf[population] = everyone
                }
            }
            s("<circle cx=\""); f(px); s("\" cy=\""); f(y(claim.value)); s("\" r=\"5\" fill=\""); s(everyone ? "#fff" : color)
            s("\" stroke=\""); s(color); s("\" stroke-width=\"2\"/>")
            guard labelled else {
                s("</g>")
                handOn(&b)
                continue
            }
            // Label: the figure as written and a short article id, moved up (then down) until it
            // overlaps no label placed before it.
            let label = "\(claim.text) · \(Timeline.short(claim.article))"
            let labelWidth = Double(label.count) * 6.3
            let atEnd = px > width - right - labelWidth - 12
            let anchor: StaticString = atEnd ? "end" : "start"
            let lx = atEnd ? px - 9 : px + 9
            let left = atEnd ? lx - labelWidth : lx
            let base = y(claim.value) - 8
            var ly = base
            for step in [0.0, -14, -28, 16, 30, -42, 44, -56] {
                ly = min(max(base + step, top + 10), y(0) - 4)
                if !placed.contains(where: { $0.overlaps(left, ly - 10, labelWidth, 13) }) { break }
            }
            placed.append(Box(x: left, y: ly - 10, width: labelWidth, height: 13))
            s("<text x=\""); f(lx); s("\" y=\""); f(ly); s("\" font-size=\"11\" text-anchor=\""); s(anchor)
            s("\" fill=\""); s(flagged ? "#cf222e" : "#1f2328"); s("\">"); escaped(label); s("</text>")
            s("</g>")
            handOn(&b)
        }
        s("</svg>")
    }

    /// A label's box, to keep labels apart.
    struct Box {
        let x, y, width, height: Double
        func overlaps(_ x2: Double, _ y2: Double, _ w2: Double, _ h2: Double) -> Bool {
            x < x2 + w2 && x2 < x + width && y < y2 + h2 && y2 < y + height
        }
    }

    /// `000_4a6e32533eaab717` → `000`; other ids up to 16 characters.
    static func short(_ article: String) -> String {
        if let underscore = article.firstIndex(of: "_"), article.distance(from: article.startIndex, to: underscore) >= 2 {
            let head = article[..<underscore]
            if head.allSatisfy(\.isNumber) { return String(head) }
        }
        return article.count > 16 ? String(article.prefix(15)) + "…" : article
    }

    /// The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * magnitude >= value { return m * magnitude }
        return 10 * magnitude
    }
}
