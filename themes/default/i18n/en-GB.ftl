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

# The data files, the comparison of two revisions and the diff report.
