# The default theme's words in British English. Every word the theme's templates write is
# here by key; cy.ftl has the same keys in Welsh. Counts use Fluent's plural selectors.
# Arguments ending in _html are markup the template made; every other argument is escaped.

language-name = English
language-switch-label = Read this page in English
untranslated-note = This part is not translated into English yet, so it is shown in the plan's own language.

skip-link = Skip to main content
menu = Menu
nav-label = Main
breadcrumb-label = Breadcrumb
nav-home = Home
nav-performance = Performance
nav-glossary = Glossary
nav-changes = What has changed
draft-tag = Draft
draft-banner = This is the draft plan, published for consultation. It may change before the final plan is adopted.

footer-contact = Contact the { $organisation }
footer-phone = Phone:
footer-email = Email:
footer-post = Post:
footer-accessibility = Accessibility statement
footer-about = About this plan
footer-glossary = Glossary
footer-other-formats = Other formats
footer-licence = Published by the { $organisation }. You may re-use this information under the <a href="{ $licence_url }" rel="license">{ $licence_name }</a>.

home-byline = By { $commissioner }, Police and Crime Commissioner for { $area }.
home-draft-published = Draft published { $date }.
home-published = Published { $date }.
on-this-page = On this page
foreword = Foreword
plan-on-a-page = The plan on a page
outcomes = Outcomes

commitments-by = { $count ->
    [one] { $count } commitment
   *[other] { $count } commitments
} by { $name }
responsibilities-for-chief-constable = { $count ->
    [one] { $count } responsibility
   *[other] { $count } responsibilities
} for the Chief Constable
no-priorities-under-aim = No { $priorities } are listed under this { $aim }.

priority-caption = { $of } { $number } of { $count }
no-commitments = No commitments are listed under this { $priority }.
status = Status
overdue = Overdue
due = Due
owner = Owner
evidence = Evidence
how-progress-is-measured = How progress is measured
pager-label = Previous and next { $priority }
pager-previous = Previous { $priority }
pager-next = Next { $priority }

glossary = Glossary
glossary-intro = The terms and abbreviations used in the plan, from A to Z.
glossary-a-z-label = Glossary A to Z
glossary-empty = The plan has no glossary terms yet.

not-found-title = Page not found
not-found-text = We could not find a page at this address. It may have been mistyped, or the page may have moved.
not-found-home = Start again from <a href="{ $home_html }">the home page of the { $title }</a>, or use the menu above.

data = Data

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
language-switch-nav = Language

and = and
commitments-by-party = commitments by { $name }
plan-has-one-level = The plan has { $count ->
    [one] { $count } { $noun }
   *[other] { $count } { $nouns }
}{ $has_groups ->
    [true] , with { $groups }
   *[other] {""}
}.
plan-has = The plan has { $count ->
    [one] { $count } { $noun }
   *[other] { $count } { $nouns }
}. Each { $aim } has { $priorities }{ $has_groups ->
    [true] , with { $groups }
   *[other] {""}
}{ $outcomes ->
    [all] , and outcomes it seeks
    [some] ; some also name the outcomes they seek
   *[other] {""}
}.
party-commissioner-name = The Commissioner
party-commissioner-heading = The Commissioner's commitments
party-commissioner-lead = I will:
party-chief-constable-name = The Chief Constable
party-chief-constable-heading = The Chief Constable's responsibilities
party-chief-constable-lead = The Chief Constable will be responsible for:

# Labels of the model's values, shared by every output: performance status (status-*),
# delivery state (delivery-*), units (unit-*), direction of change (direction-*), a change
# between two revisions (change-*), and the plan's statutory contents (statutory-*). Each
# enum's `key()` in the Rust code names its word here.
status-met = Met
status-not-met = Not met
status-within-limits = Within control limits
status-above-upper-limit = Above upper control limit
status-below-lower-limit = Below lower control limit
status-no-numeric-target = No numeric target
status-no-figure = No figure published
delivery-not-started = Not started
delivery-in-progress = In progress
delivery-at-risk = At risk
delivery-delivered = Delivered
delivery-not-reported = No status reported
unit-percent = Per cent
unit-count = Number
unit-rate = Rate
unit-seconds = Seconds
unit-text = Text
direction-up = Rising
direction-down = Falling
direction-level = Level
change-added = Added
change-removed = Removed
change-changed = Changed
statutory-objectives = The Commissioner's police and crime objectives
statutory-policing = The policing the Chief Constable is to provide
statutory-resources = The money and other resources the Commissioner will give the Chief Constable
statutory-reporting = How the Chief Constable will report to the Commissioner on that policing
statutory-measurement = How the Chief Constable's performance will be measured
statutory-grants = The crime and disorder reduction grants the Commissioner will make, and their conditions

# Website pages about the plan and its formats (accessibility, about this plan, other
# formats, listen, search, national priorities, delivery, downloads' titles and labels).
page-feed-title = { $title } { $period }: published revisions
page-contact-email = email
page-contact-call = call
page-contact-write = write to
page-party-commissioner-name-in-sentence = the Commissioner
page-party-chief-constable-name-in-sentence = the Chief Constable
page-party-commissioner-in-sentence = the Commissioner's commitments
page-party-chief-constable-in-sentence = the Chief Constable's responsibilities
page-list-and = { $rest } and { $last }

about-title = About this plan
about-intro = { $title } { $period } is the police and crime plan of the Police and Crime Commissioner for { $area }, published by the { $organisation }.
about-intro-draft = This is a draft, published for consultation.
about-law = Every police and crime commissioner must issue a police and crime plan (<a href="https://www.legislation.gov.uk/ukpga/2011/13/section/5">Police Reform and Social Responsibility Act 2011, section 5</a>), and the Act says what the plan must set out (<a href="https://www.legislation.gov.uk/ukpga/2011/13/section/7">section 7(1)</a>). The table lists each of those contents and where this plan sets it out.
about-table-caption = What the law requires a police and crime plan to set out, and where this plan does
about-must-set-out = The plan must set out
about-where-set-out = Where this plan sets it out
about-element = { $label } (section 7(1)({ $paragraph }))
about-not-set-out = Not yet set out in this plan.
about-reporting = Reporting on the plan

a11y-page-title = Accessibility statement
a11y-title = Accessibility statement for the { $title } { $period }
a11y-applies = This accessibility statement applies to the { $title } website, which publishes the Police and Crime Plan of the Police and Crime Commissioner for { $area }.
a11y-run-by = This website is run by the { $organisation }. We want as many people as possible to be able to use this website. For example, that means you should be able to:
a11y-can-colours = change colours, contrast levels and fonts using browser or device settings
a11y-can-zoom = zoom in up to 400% without the text spilling off the screen
a11y-can-navigate = navigate most of the website using a keyboard or speech recognition software
a11y-can-listen = listen to most of the website using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)
a11y-simple = We've also made the website text as simple as possible to understand. <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a disability.
a11y-how-accessible = How accessible this website is
a11y-checked = This website is made by planpress, a publishing tool whose pages are checked automatically each time the tool is changed, on sample plans with every kind of page this website has: with axe-core in the Chromium browser against WCAG 2.2 levels A and AA and axe's best practices, for keyboard access and visible focus, at a screen width of 320 pixels, with increased text spacing, and with the Nu Html Checker. We know of no part of this website that fails those checks.
a11y-other-formats = Other formats
a11y-formats-listed = The plan is also published in these formats, made from the same text as this website each time it is published:
a11y-formats-page = The <a href="{ $href_html }">other formats page</a> says what each is for and how to ask for a format that is not listed.
a11y-formats-ask = The <a href="{ $href_html }">other formats page</a> says how to ask for the plan in another format.
a11y-feedback = Feedback and contact information
a11y-feedback-intro = If you need information on this website in a different format, such as large print, easy read, audio recording or braille, contact us:
a11y-respond = We'll consider your request and get back to you in 10 working days.
a11y-reporting = Reporting accessibility problems with this website
a11y-reporting-text = We're always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we're not meeting accessibility requirements, contact us using the details above.
a11y-enforcement = Enforcement procedure
a11y-enforcement-text = The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you're not happy with how we respond to your complaint, <a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>.
a11y-technical = Technical information about this website's accessibility
a11y-committed = The { $organisation } is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
a11y-compliance = Compliance status
a11y-compliance-text = This website is fully compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard.
a11y-non-accessible = Non-accessible content
a11y-non-compliance = Non-compliance with the accessibility regulations
a11y-non-compliance-text = We know of no content that fails the WCAG 2.2 AA success criteria.
a11y-limitations = Known limitations
a11y-limitations-intro = These parts are known not to work as well as the rest, or have not been checked as thoroughly:
a11y-limit-pdf = The PDF files ({ $pdfs }) are tagged for PDF/UA-1, and planpress's automatic checks look at the structure of the PDFs it makes: each list nested inside the item it belongs to, each caption inside its table, every table header with its scope, headings in order without gaps, every link described, and no heading, caption or introduction left alone at the foot of a page. They have not been checked with a complete PDF/UA checker, such as PAC or veraPDF, or read through by a person using a screen reader, so the checks that need human judgement, such as whether the reading order makes sense, have not been made. The large print web page has the same content as the large print PDF.
a11y-limit-symbols = Dashes, arrows and status symbols drawn by the style sheet have empty alternative text, so screen readers skip them. Browsers that do not support alternative text for such symbols, such as older versions of Firefox, may read them out.
a11y-limit-terms = { $count ->
    [one] One glossary term is
   *[other] { $count } glossary terms are
} given in the plan only with an abbreviation and no definition. The glossary says so for each of them.
a11y-burden = Disproportionate burden
a11y-burden-text = We are not claiming that any accessibility problem would be a disproportionate burden to fix.
a11y-out-of-scope = Content that's not within the scope of the accessibility regulations
a11y-graphics-only = Some figures in the plan's source were published only as graphics ({ $count ->
    [one] in one performance statement
   *[other] in { $count } performance statements
}). Where their numbers were not available as text they are described in words rather than reproduced.
a11y-in-scope = We know of no content on this website that is outside the scope of the accessibility regulations.
a11y-improving = What we're doing to improve accessibility
a11y-improving-text = Every change to planpress, the tool that makes this website, is checked by the automated tests described above before it is released, so a new version cannot add a known accessibility failure to the pages it makes.
a11y-preparation = Preparation of this accessibility statement
a11y-prepared = This statement was prepared on { $date }. It is reviewed whenever the plan is published.
a11y-sample-plans = The automated and keyboard checks described above cover every kind of page this website has, on sample plans, not this plan's own pages one by one.

formats-title = Other formats
formats-intro = The { $title } { $period } is published as this website and, from the same text, in the formats below. They are made again each time the plan is published, so they always say the same as the website.
formats-none = No other format was made with this copy of the website. You can ask for one.
formats-ask = Ask for another format
formats-ask-intro = If you need the plan in a format that is not listed here, such as easy read, another size of large print or another language, contact the { $organisation }:
formats-ask-how = Tell us which format you need and how to reach you. We'll consider your request and get back to you in 10 working days.

listen-title = Listen to the plan
listen-intro = The { $title } { $period }, read aloud by a computer voice, one recording for each part of the plan listed below. Each recording reads the same words as the page it names, written to be heard: abbreviations are said in full, tables are read row by row and charts by the sentence that sums up their figures.
listen-in-original = The recordings read the plan in its original language: they are not made in this language yet.
listen-files = Nothing plays until you start it. You can also download each recording as an MP3 file.
listen-files-playlist = Nothing plays until you start it. You can also download each recording as an MP3 file, or <a href="{ $playlist }">download the playlist of every recording in order</a> ({ $label }) for a podcast or music player.
listen-download = Download the recording of { $title }
listen-length = Length and size: { $label }
listen-read-text = Read the text of { $title }
listen-not-made = The audio version of the plan has not been made with this edition of the website.
listen-ask = To ask for the plan as an audio recording, or in any other format, contact the { $organisation }:

search-title = Search and A to Z
search-nav = Search
search-form-label = This plan
search-box-label = Search this plan
search-hint = Results appear below as you type. Press Tab to reach them.
search-a-z = A to Z
search-a-z-intro = Everything in the plan from A to Z ({ $count ->
    [one] { $count } entry
   *[other] { $count } entries
}): { $kinds }, each linked.
search-a-z-label = A to Z by letter
search-kinds = { $has_others ->
    [true] its { $others } and pages
   *[other] its pages
}
search-kinds-commitments = commitments
search-kinds-statements = performance statements
search-kinds-terms = glossary terms
search-kind-commitment = Commitment
search-kind-statement = Performance statement
search-kind-term = Glossary term
search-kind-page = Page
search-none = No results for “{ $query }”.
search-found = { $count ->
    [one] { $shown } result
   *[other] { $shown } results
} for “{ $query }”.
search-found-first = { $count ->
    [one] { $shown } result
   *[other] { $shown } results
} for “{ $query }”, the first { $limit } shown.

np-title = National policing priorities
np-intro = The plan promises a regularly updated statement of the contribution of { $force } towards the national priorities for policing. This page gathers, for each national priority, the measures that evidence it: the national crime and policing measure with its data source, direction of change, comments and lead, and the plan's own measures with their status.
np-none = No measure evidences this priority yet.
np-latest = Latest
np-direction = Direction of change
np-lead = Lead

delivery-page-title = Delivery of the plan's commitments
delivery-page-intro = How far each commitment in the plan has got, as reported on { $date }. A commitment is overdue when its due date has passed by then and it has not been delivered.
delivery-page-none = The plan has no commitments yet.
delivery-page-none-reported = No commitment has a delivery status yet. { $total ->
    [one] { $total } commitment is
   *[other] { $total } commitments are
} listed as "{ $state }".
delivery-page-reported = { $reported } of { $total ->
    [one] { $total } commitment
   *[other] { $total } commitments
} { $reported ->
    [one] has
   *[other] have
} a delivery status; { $overdue ->
    [one] { $overdue } is
   *[other] { $overdue } are
} overdue.
delivery-page-by = By { $level }
delivery-page-by-caption = Commitments by { $level } and delivery status
delivery-page-total = Total
delivery-page-all = All { $levels }
delivery-page-by-party = By who made them
delivery-page-by-party-caption = Commitments by who made them and delivery status
delivery-page-made-by = Made by
delivery-page-by-owner = By owner
delivery-page-owner-note = The owner is the person or team named against a commitment or, where none is named, who made it.
delivery-page-by-owner-caption = Commitments by owner and delivery status
delivery-page-overdue = Overdue commitments
delivery-page-none-overdue = No commitment is overdue.
delivery-page-upcoming = Other commitments with a due date
delivery-page-none-upcoming = No other commitment has a due date.

# Performance and reports (performance, statement, reports, report and revision pages;
# statement sentences; chart summaries).
perf-title = Performance
perf-seconds-word = seconds
perf-change-in-words = { $way ->
    [down] a { $amount }% reduction
    [up] a { $amount }% increase
   *[none] no change
}
perf-basis-on = on { $period }
perf-sentence-target = { $status }: the latest figure, { $figure }, { $relation ->
    [equals] equals
    [above] is above
   *[below] is below
} the target of { $target }.
perf-sentence-target-no-figure = { $status }: there is no latest figure to judge against the target of { $target }.
perf-sentence-change = { $status }: { $achieved }{ $basis } against a target of { $target }.
perf-sentence-change-no-figure = { $status }: there is no figure to judge against the target of { $target }.
perf-sentence-limits = { $status }: the latest figure, { $figure }, is { $place ->
    [above] above
    [below] below
   *[within] within
} the control limits of { $lower } to { $upper }.
perf-sentence-limits-no-figure = { $status }: there is no latest figure to place against the control limits of { $lower } to { $upper }.
perf-sentence-words = { $status }: what good looks like is described in words, so the latest figure, { $figure }, is not judged against a number.
perf-sentence-words-no-figure = { $status }: what good looks like is described in words.
perf-chart-target = Target { $value }
perf-chart-upper = Upper limit { $value }
perf-chart-lower = Lower limit { $value }
perf-force-wide = Force-wide
perf-by-area = By local policing area
perf-by-area-title = { $measure } by local policing area, { $period }
perf-by-area-title-no-period = { $measure } by local policing area
perf-by-area-caption = { $measure }: figures by local policing area
perf-area-force = Force-wide { $figure }
perf-area-force-target = Force-wide { $figure } against a target of { $target }
perf-area-lowest = { $area } lowest at { $figure }
perf-area-highest = { $area } highest at { $figure }
perf-both = { $first } and { $second }
perf-areas-meeting = { $meeting } of { $count } areas { $meeting ->
    [one] meets
   *[other] meet
} the target
perf-local-policing-area = Local policing area
perf-against-target = Against the target
perf-target = Target
perf-over-time = Over time
perf-over-time-title = { $measure } over time, { $first } to { $last }
perf-over-time-caption = { $measure }: figures for each period
perf-period = Period
perf-series = { $name } { $first } in { $first_period } and { $last } in { $last_period }
perf-series-target = { $name } { $first } in { $first_period } and { $last } in { $last_period }, meeting the target of { $target } in { $met } of { $count } periods
perf-no-figures = No figures.
perf-against-limits = Against the control limits
perf-limits-summary = { $figure } in { $period }, { $place ->
    [above] above the upper control limit of { $upper }
    [below] below the lower control limit of { $lower }
   *[within] within the control limits of { $lower } to { $upper }
}
perf-figure-in = { $figure } in { $period }
perf-limits-title = { $measure }: figures against the control limits
perf-limits-caption = { $measure }: figures and control limits
perf-upper-limit = Upper control limit
perf-lower-limit = Lower control limit
perf-baseline = Baseline
perf-change = Change
perf-note = Note
perf-breakdown-limits = Of the { $count } { $count ->
    [one] item
   *[other] items
} with control limits, { $above } { $above ->
    [one] is
   *[other] are
} above the upper limit, { $within } within and { $below } below the lower limit
perf-breakdown-above = above: { $names }
perf-breakdown-below = below: { $names }
perf-breakdown-highest-lowest = Highest: { $highest } at { $highest_figure }; lowest: { $lowest } at { $lowest_figure }.
perf-breakdown-one = { $item } at { $figure }.
perf-trend-title = { $measure }: the latest figure in each report
perf-trend-summary = { $first } in { $first_report } and { $last } in { $last_report }.
perf-trend-summary-target = { $first } in { $first_report } and { $last } in { $last_report }, meeting the target of { $target } in { $met } of { $count } reports.
perf-col-report = Report
perf-col-figure = Figure
perf-col-period-of-figure = Period of the figure
perf-col-status = Status
perf-fact-what-good-looks-like = What good looks like
perf-fact-latest = Latest
perf-fact-no-figure = No single figure is published
perf-fact-previous = Previous
perf-fact-earlier-figure = Earlier figure
perf-fact-direction = Direction of change
perf-fact-limits = Control limits
perf-fact-limits-detail = Lower { $lower }, upper { $upper }
perf-fact-unit = Unit
perf-fact-lead = Lead
perf-fact-data = Data
perf-fact-source = Source
perf-statement-in-report-title = { $measure }, { $report } report
perf-other-measures = Other measures
perf-intro = The performance of { $force } against the measures that evidence the plan's { $priorities }. Each measure shows its latest figures, what good looks like and its status, worked out from the figures.
perf-latest-report = These are the figures of the latest report, for <a href="{ $href }">{ $title }</a> ({ $period }). <a href="{ $reports }">Every report</a> is kept as it was published.
perf-latest-report-presented = These are the figures of the latest report, for <a href="{ $href }">{ $title }</a> ({ $period }), presented to the Police and Crime Panel on { $presented }. <a href="{ $reports }">Every report</a> is kept as it was published.
perf-no-report-yet = No report has been published yet: <a href="{ $reports }">see the reports being prepared</a>.
perf-at-a-glance = At a glance
perf-no-measures = The plan has no performance measures yet.
perf-measure-count = { $count ->
    [one] There is { $count } measure:
   *[other] There are { $count } measures:
}
perf-national-contribution = The contribution of { $force } to the national policing priorities
perf-delivery-link = Delivery of the plan's commitments
perf-measures = Measures
perf-measures-by = Measures by { $aim }
perf-latest = Latest:
perf-no-single-figure = no single figure published
perf-from-report = (from the report for { $report })
perf-what-good-looks-like = What good looks like:
perf-reported = { $in_report ->
    [true] As given in
   *[other] The latest figures, from
} the report for <a href="{ $href }">{ $title }</a> ({ $period }).
perf-reported-presented = { $in_report ->
    [true] As given in
   *[other] The latest figures, from
} the report for <a href="{ $href }">{ $title }</a> ({ $period }), presented to the Police and Crime Panel on { $presented }.
perf-see-latest = <a href="{ $href }">See the latest figures for this measure</a>.
perf-draft-report-notice = This report is being filled in and has not been presented to the Police and Crime Panel: its figures may be incomplete and may change.
perf-since-heading = What has changed since { $report }
perf-since-up = The latest figure rose from { $from } in <a href="{ $href }">{ $report }</a> to { $to }.
perf-since-up-change = The latest figure rose from { $from } in <a href="{ $href }">{ $report }</a> to { $to }, an increase of { $change }.
perf-since-down = The latest figure fell from { $from } in <a href="{ $href }">{ $report }</a> to { $to }.
perf-since-down-change = The latest figure fell from { $from } in <a href="{ $href }">{ $report }</a> to { $to }, a reduction of { $change }.
perf-since-level = The latest figure is { $to }, the same as in <a href="{ $href }">{ $report }</a>.
perf-since-only-before = This report gives no single figure; <a href="{ $href }">{ $report }</a> gave { $from }.
perf-since-only-now = <a href="{ $href }">{ $report }</a> gave no single figure; this report gives { $to }.
perf-since-neither = Neither this report nor <a href="{ $href }">{ $report }</a> gives a single figure.
perf-status-changed = Its status changed from { $from } to { $to }.
perf-status-still = Its status is still { $status }.
perf-items-moved = Of the { $count } breakdown { $count ->
    [one] item
   *[other] items
} both reports give, { $up } rose, { $down } fell and { $level } stayed the same.
perf-limits-changed = The control limits changed.
perf-chart-only-title = Not carried from the source.
perf-chart-only-text = The report showed these only as chart images, so their figures are not given here:
perf-by-report = Report by report
perf-one-report = One report so far gives this measure.
perf-no-trend-chart = Fewer than two of the reports give a single figure for this measure, so there is no chart.
perf-trend-earlier = These are the last { $count } reports up to this one; <a href="{ $href }">the page for this measure</a> shows every report, { $earlier } more.
perf-by-report-caption = { $measure }: the latest figure and the status in each report
perf-draft-suffix = (draft)
perf-none-given = None given
perf-key-points = Key points
perf-about-measure = About this measure
perf-priorities-evidenced = { $priorities } this measure evidences
perf-national-evidenced = National policing priorities this measure evidences
report-period = { $start } to { $end }
report-list-title = Reports
report-page-title = { $title } report
report-list-intro = Each quarter the Commissioner reports the performance of { $force } against the plan's measures to the Police and Crime Panel. Each report has its own pages, kept as they were when it was published, so you can see what each report said.
report-list-latest = The <a href="{ $href }">performance pages</a> show the latest, { $title }.
report-presented-on = Presented to the Police and Crime Panel on { $date }.
report-not-presented = Not yet presented to the Police and Crime Panel.
report-figures-for = Figures for { $count } { $count ->
    [one] measure
   *[other] measures
}.
report-title = { $title } performance report
report-intro = The performance of { $force } against the plan's measures for { $period }. These pages stay as the report was published: the <a href="{ $performance }">performance pages</a> show the latest figures, and <a href="{ $reports }">every report</a> is listed.
report-intro-presented = The performance of { $force } against the plan's measures for { $period }, as presented to the Police and Crime Panel on { $presented }. These pages stay as the report was published: the <a href="{ $performance }">performance pages</a> show the latest figures, and <a href="{ $reports }">every report</a> is listed.
report-previous = The report before it: <a href="{ $href }">{ $title }</a>.
report-panel-paper = This report as a Panel paper
report-no-figures = This report gives no figures yet.
report-gives-figures = The report gives figures for { $count } { $count ->
    [one] measure
   *[other] measures
}:
report-figure = Figure:
revision-lead = This page lists what changed in the { $draft ->
    [true] draft { $title }
   *[other] { $title }
} published on { $published }, since the revision published on { $since }: items added, taken out, reworded or moved, and changed dates, targets and figures.

# Editions made from the linear document (large print, EPUB, plain text).
doc-foreword = Foreword
doc-commissioner-for = Police and Crime Commissioner for { $area }
doc-aim-number = { $aim } { $number } of { $count }.
doc-outcomes = Outcomes
doc-outcomes-lead = The outcomes we want to see:
doc-performance = Performance
doc-performance-intro = How the plan's progress is measured. Each measure gives what good looks like, the latest and previous figures, the figures by local policing area and the key points.
doc-glossary = Glossary
doc-no-definition = The plan gives no definition of this term.
doc-no-definition-abbreviation = The plan uses the abbreviation { $abbreviation } and gives no definition.
doc-no-definition-abbreviations = The plan uses the abbreviations { $abbreviations } and { $last } and gives no definition.
doc-contact = Contact
doc-phone = Phone: { $phone }
doc-email = Email: { $email }
doc-post = Post: { $address }
doc-about-edition = About this edition
doc-published-by-on = Published by the { $organisation } on { $date }.
doc-licence = You may re-use this information under the { $licence }.
doc-large-print-note = This large print edition is made from the same text as the website. It follows the UK Association for Accessible Formats (UKAAF) minimum standards for large print.
doc-no-commitments = No commitments are listed under this { $priority }.
doc-status = Status: { $status }.
doc-due = Due: { $date }.
doc-owner = Owner: { $owner }.
doc-evidence = Evidence: { $links }.
doc-how-measured = How progress is measured
doc-how-measured-lead = These measures are set out in the Performance part of this document:
doc-chart-only = Not carried from the source. The report showed these only as chart images, so their figures are not given here:
doc-key-points = Key points
doc-priorities-evidenced = { $priorities } this measure evidences:
doc-national-evidenced = National policing priorities this measure evidences:
doc-fact-target = What good looks like
doc-fact-latest = Latest
doc-no-single-figure = No single figure is published
doc-fact-previous = Previous
doc-fact-baseline = Earlier figure
doc-fact-change = Change
doc-fact-direction = Direction of change
doc-fact-limits = Control limits
doc-limits = Lower { $lower }, upper { $upper }
doc-fact-unit = Unit
doc-fact-lead = Lead
doc-fact-data = Data
doc-fact-source = Source
doc-picture = Picture: { $alt }
doc-picture-inline = (Picture: { $alt })
doc-task-done = Done:
doc-task-to-do = To do:
doc-note = (note { $note })
doc-table = Table: { $columns }
edition-pdf-title = { $name } (large print)
edition-keyword-large-print = large print
edition-keyword-standard-print = standard print
edition-large-print = Large print edition ({ $size } point)
edition-standard-print = Standard print edition ({ $size } point)
edition-draft = Draft. This is the draft plan, published for consultation. It may change before the final plan is adopted.
edition-contents = Contents
edition-page = Page
edition-page-numbering = 1 of 1
edition-untitled-plan = Plan
edition-untitled-section = Section
edition-plan-word = plan
edition-draft-title = { $title } (draft)
edition-draft-word = Draft.
edition-draft-sentence = This is the draft plan, published for consultation. It may change before the final plan is adopted.
edition-published = Published { $date }
edition-landmarks = Landmarks
edition-start = Start
edition-epub-about = This EPUB edition is made from the same text as the website. It is an EPUB 3 ebook made to meet EPUB Accessibility 1.1 at WCAG 2.2 level AA: it has a table of contents and a heading for every part, and gives every chart as a table of its figures.
edition-epub-summary = This EPUB edition of the { $name } has the same words as the website. It has a table of contents, and a heading for every part, priority and performance measure, so that it can be read in order and navigated by heading with a screen reader or read aloud. Every chart is given as a sentence describing it and the table of its figures; every table has headers. It has no images, sounds or animation, and type, size and colours can be changed in the reading system. It is made to meet WCAG 2.2 level AA.
edition-epub-title = EPUB ebook
edition-epub-purpose = For reading on an e-reader, tablet or phone, in any EPUB reading app. The text reflows to fit the screen, and you can change its size, font and colours or have it read aloud; with a screen reader you can move by heading or use the table of contents. Charts are given as tables of their figures.
edition-plain-title = Plain text version
edition-plain-purpose = For reading with a screen reader, a braille display or any text editor: the whole plan as one text file, with no layout to get in the way. Headings stand on lines of their own and tables are read row by row.
edition-plain-draft = Draft for consultation: this plan is not final.
edition-plain-website = Website: { $url }
edition-plain-table = Table: { $caption }
edition-plain-quotation = Quotation:
edition-plain-end-of-quotation = End of quotation.
edition-page-title = Large print: { $title } { $period } – { $organisation }
edition-skip-link = Skip to main content
edition-page-heading = { $title } { $period }: large print
edition-page-intro = { $holds }, on one page, set in large print ({ $size } point). Published by the { $organisation } on { $date }.
edition-holds-with-performance = The whole plan with its performance statements
edition-holds-without-performance = The plan without its performance statements
edition-draft-label = Draft
edition-page-download = You can also <a href="{ $href }">download the large print version ({ $label })</a> to read or print.
edition-contact-heading = Contact the { $organisation }
edition-phone = Phone:
edition-email = Email:
edition-post = Post:
edition-plan-on-website = The plan on the website
edition-accessibility = Accessibility statement
edition-page-licence = You may re-use this information under the <a href="{ $licence_url }" rel="license">{ $licence_name }</a>.
edition-download-title = Large print version
edition-download-web-page = web page
edition-download-purpose = For reading in large type, printed or on screen: the whole plan set in { $size } point, the size the UK Association for Accessible Formats recommends, with the same words as this website. The PDF is tagged for screen readers and prints on A4; the web page is the same text in a page that reflows to fit any screen. A larger or smaller size, such as 24 point (giant print) or 16 point, can be made on request.
edition-pdf-label = PDF, { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}, { $size }

# The data files, the comparison of two revisions and the diff report.
changes-title = What changed between { $old } and { $new }
changes-this-version = this version
changes-revision-label = the revision published { $date }
changes-revision-title = What changed in the revision published { $date }
changes-page-lead = This page lists what has changed in the plan since the version named “{ $revision }”: items added, taken out, reworded or moved, and changed dates, targets and figures.
changes-none = No changes: the two versions of the plan say the same.
changes-deleted = deleted
changes-added = added
changes-legend-words = words
changes-legend = Deleted words are shown as { $deleted } and added words as { $added }.
changes-summary = Summary
changes-caption = Number of items changed, by kind
changes-kind-of-item = Kind of item
changes-column-added = Added
changes-column-removed = Removed
changes-column-reworded = Reworded
changes-column-moved = Moved
changes-column-other = Other changes
changes-plan-heading = The plan's settings and foreword
changes-plan-count = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
changes-the-plan-itself = the plan itself
changes-after-status = {" "}
changes-in = in { $place }
changes-of = of { $place }
changes-kind-name = { $kind }: { $name }
changes-kind-one = { $kind ->
    [outcomes] Outcome
    [commitments] Commitment
    [performance-statements] Performance statement
    [reports] Report
    [glossary-terms] Glossary term
    [pages] Page
   *[images] Image
}
changes-kind-other = { $kind ->
    [outcomes] Outcomes
    [commitments] Commitments
    [performance-statements] Performance statements
    [reports] Reports
    [glossary-terms] Glossary terms
    [pages] Pages
   *[images] Images
}
changes-field = { $field }
changes-text = Text:
changes-field-changed = { $field }: { $from } → { $to }
changes-reworded = { $field } reworded:
changes-body-changed = { $field } changed:
changes-new-paragraph = New paragraph:
changes-paragraph-out = Paragraph taken out:
changes-paragraph-reworded = Paragraph reworded:
changes-moved = Moved from { $from } to { $to }
changes-reordered = Moved from position { $from } to position { $to } in { $within }
changes-revised = Revised after publication
changes-revised-detail = : { $statement }, { $field }: { $from } → { $to }
changes-renamed = File renamed from { $from } to { $to }
changes-id-changed = Id changed from { $old } to { $new }; paired by its wording ({ $percent }% alike)
changes-summary-plan = { $count ->
    [one] { $count } change to the plan's settings or foreword.
   *[other] { $count } changes to the plan's settings or foreword.
}
changes-summary-kind = { $heading }: { $parts }.
changes-count-added = { $count } added
changes-count-removed = { $count } removed
changes-count-reworded = { $count } reworded
changes-count-moved = { $count } moved
changes-count-other = { $count } otherwise changed
changes-summary-revised = { $count ->
    [one] { $count } figure revised after its report was published.
   *[other] { $count } figures revised after their report was published.
}
diff-working-tree = the working tree
diff-appendix = Appendix: changes to the source files
diff-appendix-about = For editors: the changed files as a unified diff. Paths are relative to the content folder. Lines starting with a minus sign (−) were taken out; lines starting with a plus sign (+) were added; the other lines are unchanged context.
diff-made-with = Made with planpress diff, which compares the plan item by item.
diff-back-to-top = Back to the top
diff-not-followed = Changes the { $language } translation has not followed
diff-all-followed = The { $language } translation follows every change to the original text.
diff-part-title = the title
diff-part-foreword = the foreword
diff-part-outcomes = the outcomes
diff-part-introduction = the introduction
diff-part-commitment = commitment { $id }
diff-part-term = the term
diff-part-definition = the definition

# Downloads' titles and labels: the files made in one language (or none) as each language's pages list them.
downloads-size-bytes = { $bytes } bytes
downloads-size-kb = { $kb } KB
downloads-size-mb = { $mb } MB
downloads-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
downloads-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
downloads-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
downloads-duration-two = { $first } { $second }
downloads-content-in = ({ $lang ->
    [cy] in Welsh
   *[other] in English
})
downloads-braille-title = Braille version
# A braille page is at least 20 cells by 4 lines: those two counts are always plural.
downloads-braille-label = BRF, Unified English Braille grade 2, { $cells } cells by { $lines } lines, { $pages } { $pages ->
    [one] page
   *[other] pages
}, { $size }
downloads-braille-purpose = For reading in braille: the whole plan in Unified English Braille, grade 2 (contracted), as a BRF file that braille embossers print and refreshable braille displays and notetakers read. Pages are 40 cells by 25 lines; another page size can be made on request.
downloads-audio-title = Listen to the plan
downloads-audio-label = { $count } MP3 { $count ->
    [one] recording
   *[other] recordings
}, { $duration } in all
downloads-audio-purpose = For listening: the plan read aloud by a computer voice, one recording for each part of the plan, with abbreviations said in full and tables read as sentences. Play them on the Listen to the plan page or download them to any audio player.
downloads-playlist-title = Audio playlist
downloads-playlist-label = M3U playlist of { $count } MP3 { $count ->
    [one] file
   *[other] files
}, { $size }
downloads-recording-label = MP3, { $duration }, { $size }
downloads-data-performance = Download all performance figures
downloads-data-reports = Download the figures of every report
downloads-data-commitments = Download all commitments
downloads-data-json = Download the whole plan as open data
downloads-data-schema = Download the description of the open data
downloads-format-schema = JSON Schema
downloads-file-label = { $format }, { $size }
downloads-paper-standard = This report, standard print
downloads-paper-large = This report in large print, { $size } point
