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
plan-has-one-level = The plan has { $counted }{ $has_groups ->
    [true] , with { $groups }
   *[other] {""}
}.
plan-has = The plan has { $counted }. Each { $aim } has { $priorities }{ $has_groups ->
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

# Performance and reports (performance, statement, reports, report and revision pages;
# statement sentences; chart summaries).

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
