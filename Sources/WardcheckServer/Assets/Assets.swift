import WardcheckReports

/// The pages' script and style sheet, compiled into the server: no CDN, no files to install
/// beside it, and the page works wherever the server runs, offline included.
enum Assets {
    static let scriptPath = "/assets/wardcheck.js"
    static let stylePath = "/assets/wardcheck.css"

    /// Phone first: one column from 320 px, nothing wider than the screen; the form and the
    /// scorecard side by side from 960 px, the scorecard following the scroll.
    /// The palette and the top bar are every page's (`PageFrame.palette`), the report pages' too.
    static let style = PageFrame.palette + """
    /* The bar fixed at the bottom of a phone never covers the field that has the focus. */
    html { scroll-padding-bottom: 5rem; }
    body { margin: 0; font-size: 16px; }
    header.top { background: var(--bar); color: #fff; padding: .6rem .9rem; display: flex; flex-wrap: wrap; gap: .3rem 1rem;
                 align-items: baseline; justify-content: space-between; }
    header.top h1 { font-size: 1.1rem; margin: 0; }
    [hidden] { display: none !important; }
    /* Amounts, dates and numbers with their units never break across lines. */
    .nowrap { white-space: nowrap; }
    main { padding: .75rem; max-width: 1280px; margin: 0 auto; }
    main.assessment { padding-bottom: 4.5rem; }
    .layout { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
    code, pre { overflow-wrap: anywhere; white-space: pre-wrap; font-size: .85em; }
    /* Fact paths and file names are long unbroken words: they wrap anywhere rather than widen a phone's page. */
    .scorecard, .errors, .hint, .status { overflow-wrap: anywhere; }
    .tools .intro { margin: 0 0 .6rem; color: var(--muted); }
    .buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
    button, .button { font: inherit; min-height: 2.75rem; padding: .5rem 1rem; border-radius: 6px; border: 1px solid var(--accent);
                      background: var(--accent); color: #fff; cursor: pointer; display: inline-flex; align-items: center; }
    button.secondary { background: #fff; color: var(--accent); }
    fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 1rem; padding: .4rem .75rem .75rem; min-width: 0; }
    fieldset fieldset.block { border-style: dashed; margin: .6rem 0; }
    legend { font-weight: 600; padding: 0 .3rem; max-width: 100%; }
    .progress { font-weight: 400; color: var(--muted); font-size: .85rem; margin-left: .3rem; }
    .required { color: var(--failed); font-size: .8rem; font-weight: 600; white-space: nowrap; }
    .field { margin: .7rem 0; min-width: 0; }
    .field > label, .field legend.label { display: block; font-weight: 400; padding: 0; margin-bottom: .25rem; }
    input[type=text], input[type=date], input[type=password], select {
      display: block; width: 100%; max-width: 100%; font: inherit; padding: .5rem .6rem; min-height: 2.75rem;
      border: 1px solid #8c959f; border-radius: 6px; background: #fff; color: inherit; }
    input:focus, select:focus, button:focus, .choices label:focus-within { outline: 3px solid #80b3ff; outline-offset: 1px; }
    .with-unit { display: flex; gap: .5rem; align-items: center; }
    .with-unit input { flex: 1 1 auto; min-width: 0; }
    .unit { color: var(--muted); white-space: nowrap; }
    fieldset.choices { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    fieldset.choices legend { width: 100%; margin-bottom: .3rem; }
    .choices label { display: inline-flex; align-items: center; gap: .35rem; border: 1px solid #8c959f; border-radius: 999px;
                     padding: .4rem .85rem; min-height: 2.75rem; cursor: pointer; }
    .choices label:has(input:checked) { background: var(--accent); border-color: var(--accent); color: #fff; }
    .choices label:has(input[value=""]:checked) { background: #eaeef2; border-color: #8c959f; color: inherit; }
    .hint, .note { color: var(--muted); font-size: .875rem; margin: .25rem 0 .3rem; }
    .required-count { font-weight: 600; margin: 0 0 .6rem; } .required-count.open { color: var(--not_reported); } .required-count.done { color: var(--passed); }
    .question-back { color: var(--failed); font-size: .95rem; font-weight: 600; margin: .35rem 0 0; }
    .notes, p.note[data-notes-for] { color: #0b3d6e; background: #eef5ff; border-left: 4px solid var(--accent); padding: .35rem .6rem; border-radius: 4px; font-size: .9rem; }
    .has-question input, .has-question select { border-color: var(--failed); background: #fff8f7; }
    .has-question fieldset.choices label { border-color: var(--failed); }
    .status { color: var(--muted); min-height: 1.2em; margin: .25rem 0; }
    .status.accepted { color: var(--passed); font-weight: 600; } .status.refused { color: var(--failed); font-weight: 600; }
    #result h2 { font-size: 1.15rem; margin: .25rem 0; }
    .verdict { font-size: 1.05rem; padding: .6rem .75rem; border-radius: 8px; border: 1px solid var(--line); }
    .verdict .score { font-size: 1.6rem; font-weight: 700; }
    .verdict.ready { background: var(--passed-bg); border-color: var(--passed); }
    .verdict.not-ready { background: var(--failed-bg); border-color: var(--failed); }
    .verdict.invalid { background: var(--not_reported-bg); border-color: var(--not_reported); }
    .unit-meta, .counts { margin: .4rem 0; color: var(--muted); }
    .count { display: inline-block; margin-right: .5rem; font-weight: 600; }
    ol.criteria { list-style: none; padding: 0; margin: .75rem 0; }
    ol.criteria > li { border-left: 4px solid var(--line); padding: .35rem .6rem; margin: .35rem 0; background: #f6f8fa; border-radius: 4px; }
    ol.criteria > li.o-passed { border-left-color: var(--passed); }
    ol.criteria > li.o-failed { border-left-color: var(--failed); background: #fff8f7; }
    ol.criteria > li.o-not_reported { border-left-color: #d4a72c; background: #fffbea; }
    ol.criteria > li.o-waived { border-left-color: var(--waived); }
    ol.criteria > li.o-not_evaluable { border-left-color: #6e7781; }
    .badge { display: inline-block; font-size: .8rem; font-weight: 600; padding: 0 .45rem; border-radius: 999px; background: #eaeef2; }
    .badge.o-passed { color: var(--passed); background: var(--passed-bg); }
    .badge.o-failed { color: var(--failed); background: var(--failed-bg); }
    .badge.o-not_reported { color: var(--not_reported); background: var(--not_reported-bg); }
    .badge.o-waived { color: var(--waived); background: var(--waived-bg); }
    ul.details { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .9rem; }
    span.o-not_reported { color: var(--not_reported); font-weight: 600; }
    .remedies h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; } .remedies h4 { margin: .6rem 0 .2rem; font-size: .95rem; }
    ul.remedy-list { padding-left: 1.1rem; margin: 0; } ul.remedy-list li { margin: .3rem 0; }
    ul.remedy-list small { color: var(--muted); }
    .total { font-size: 1rem; }
    ul.problems, ul.notes { padding-left: 1.1rem; font-size: .95rem; }
    details.technical { margin-top: .6rem; font-size: .85rem; } details.technical summary, details.as-check summary { cursor: pointer; padding: .7rem 0; }
    details.technical li { margin: .2rem 0; }
    details.as-check { margin-top: 1rem; } details.as-check pre { background: #f6f8fa; padding: .5rem; border-radius: 6px; font-size: .78rem; }
    .summary-bar { position: fixed; left: 0; right: 0; bottom: 0; padding: .75rem 1rem; text-align: center; font-weight: 700;
                   color: #fff; background: var(--bar); text-decoration: none; box-shadow: 0 -2px 6px rgba(0,0,0,.2); }
    .summary-bar.ready { background: var(--passed); } .summary-bar.not-ready { background: var(--failed); }
    .summary-bar.invalid { background: #6e5400; }
    @media (min-width: 960px) {
      .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 27rem); align-items: start; }
      #result { position: sticky; top: .75rem; max-height: calc(100vh - 1.5rem); overflow: auto; padding-right: .25rem; }
      .summary-bar { display: none; }
      main.assessment { padding-bottom: .75rem; }
    }
    @media print { .tools, .summary-bar { display: none; } }

    """
}
