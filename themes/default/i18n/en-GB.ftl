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

# Editions made from the linear document (large print, EPUB, plain text).

# The data files, the comparison of two revisions and the diff report.
