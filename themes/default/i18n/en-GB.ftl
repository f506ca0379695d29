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
