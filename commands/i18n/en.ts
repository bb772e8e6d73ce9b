/**
 * factdesk's English text: the reference catalog. Every other language has exactly these keys
 * (checked by the type of its catalog and by `test/commands/i18n.test.ts`). `{{name}}` marks a value
 * filled in at run time; a translation keeps the same placeholders.
 */
export const en = {
  // Command definitions (names are what users type; English names are the canonical ones).
  'ask.name': 'ask',
  'ask.description': 'Ask a question: get the passages that answer it, with citations and figures',
  'ask.question.name': 'question',
  'ask.question.description': 'Your question, e.g. "How many high-tech enterprises does Guangdong have?"',
  'ask.share.name': 'share',
  'ask.share.description': 'Post the answer in the channel (default: only you see it)',
  'ask.for.name': 'for',
  'ask.for.description': 'Post the answer in the channel for this person (pings only them)',
  'figure.name': 'figure',
  'figure.description': 'Look up one figure fast: the number, what it measures and where it comes from',
  'figure.topic.name': 'topic',
  'figure.topic.description': 'What the figure measures, e.g. "regional GDP" or "high-tech enterprises"',
  'figure.share.name': 'share',
  'figure.share.description': 'Post the figure in the channel (default: only you see it)',
  'figure.for.name': 'for',
  'figure.for.description': 'Post the figure in the channel for this person (pings only them)',
  'sources.name': 'sources',
  'sources.description': 'List the documents factdesk answers from, with dates and counts',
  'help.name': 'help',
  'help.description': 'What factdesk does and how to use each command',
  'reload.name': 'reload',
  'reload.description': 'Reload the knowledge folder without a restart (Manage Server)',
  'knowledge.name': 'knowledge',
  'knowledge.description': 'Add, remove or list the documents factdesk answers from (Manage Server)',
  'knowledge.add.name': 'add',
  'knowledge.add.description': 'Add a document (.md .txt .pdf .docx .html .csv)',
  'knowledge.file.name': 'file',
  'knowledge.file.description': 'The document',
  'knowledge.title.name': 'title',
  'knowledge.title.description': 'Its title',
  'knowledge.published.name': 'published',
  'knowledge.published.description': 'Publication date, YYYY-MM-DD',
  'knowledge.url.name': 'url',
  'knowledge.url.description': 'Link to the original',
  'knowledge.replace.name': 'replace',
  'knowledge.replace.description': 'Overwrite a document of the same name',
  'knowledge.remove.name': 'remove',
  'knowledge.remove.description': 'Remove a document',
  'knowledge.document.name': 'document',
  'knowledge.document.description': 'The document to remove',
  'knowledge.list.name': 'list',
  'knowledge.list.description': 'List the documents',
  'findInFactdesk.name': 'Find in factdesk',

  // Counts: `.one` for 1, `.other` for any other number.
  'count.document.one': '{{n}} document',
  'count.document.other': '{{n}} documents',
  'count.passage.one': '{{n}} passage',
  'count.passage.other': '{{n}} passages',
  'count.figure.one': '{{n}} figure',
  'count.figure.other': '{{n}} figures',
  'count.error.one': '{{n}} error',
  'count.error.other': '{{n}} errors',
  'count.problem.one': '{{n}} problem',
  'count.problem.other': '{{n}} problems',

  // /ask and /figure
  'ask.empty': 'Ask me something, for example `/ask question: How many high-tech enterprises are there?`',
  'figure.empty': 'Name a topic, for example `/figure topic: regional GDP`.',
  'notFound.message': "I couldn't find an answer to “{{what}}” in {{knowledge}} ({{documents}}).{{tries}}",
  'notFound.tries': '\nTry one of these topics: {{topics}}.',
  'list.quoted': '“{{text}}”',
  // A quotation inside a quoted text (a topic that quotes a name).
  'list.innerQuoted': '‘{{text}}’',
  'list.separator': ', ',
  'answer.sameMetric': 'Reported by each document (newest first)',
  'answer.nextClosest': 'Next closest',
  'answer.question': 'Q: {{question}}',
  'answer.morePassages': 'More passages ({{from}}–{{to}})',
  'answer.moreHint': 'More passages answer this: /more',
  'list.heading': '{{heading}}:',
  'citation.page': 'p. {{page}}',

  // Buttons and what they say
  'button.share': 'Share in channel',
  'button.more': 'More',
  'button.cite': 'Cite',
  'button.expired': 'This button has expired: ask again with `/ask`.',
  'share.gone': 'That answer is no longer available to share. Ask again with `/ask`.',
  'more.lost': 'I lost track of that question. Ask again with `/ask`.',
  'more.none': 'No more passages answer that question.',
  'cite.none': 'There is nothing to cite in that message.',
  'findInFactdesk.empty': 'That message has no text to look up.',
  'audience.for': 'For {{target}} (asked by {{asker}}):',
  'audience.askedBy': 'Asked by {{asker}}',

  // /help
  'help.intro':
    'I answer questions about the {{documents}} of {{knowledge}}, with the passages and figures they cite.',
  'help.ask':
    '**/ask** `question` — the passages that answer your question, quoted with their citation and the figures they hold. Only you see the answer unless you add `share: True`, or `for: @someone` to post it for them.',
  'help.figure':
    '**/figure** `topic` — one figure, fast: the number, what it measures, the sentence it comes from. Start typing for suggestions.',
  'help.sources': '**/sources** — the documents factdesk answers from.',
  'help.findInFactdesk':
    '**Find in factdesk** (right-click a message → Apps) — looks up the message in the documents; if it quotes a number, finds where that number comes from.',
  'help.buttons':
    'Under an answer: **{{share}}** posts it for everyone (nobody is pinged), **{{more}}** shows the next passages, **{{cite}}** gives a citation to paste.',
  'help.reload': '**/reload** (Manage Server) — reloads the documents without a restart.',

  // /sources
  'sources.line': '• {{title}}{{meta}}: {{passages}}, {{figures}}',
  'sources.more': '\n…and {{n}} more',
  'sources.title': '{{knowledge}}: {{documents}}',
  'sources.empty': 'The knowledge folder has no documents yet.',
  'sources.footer': '{{passages}} · {{figures}} · factdesk',

  // /reload
  'reload.failed': 'Reload failed; still serving the previous knowledge ({{counts}}).\n{{problems}}',
  'reload.done': 'Reloaded: {{counts}}.',
  'reload.forbidden': 'Reloading the knowledge needs the Manage Server permission. Ask a server admin.',
  'reload.problems': '{{problems}}; those files were skipped:',

  // Dispatch
  'dispatch.unknown': "I don't know that command. Try `/help` to see what I can do.",
  'dispatch.rateLimited': "You're asking quickly! Try again in {{seconds}} s.",
  'dispatch.failed':
    'Sorry, something went wrong on my side. If it keeps happening, give this id to an admin: `{{errorId}}`.',

  'http.nothing': 'Sorry, I have nothing to show for that.',
  'http.unsupported': "Sorry, I can't handle that kind of interaction. Try `/help`.",

  // Command line
  'cli.checked': '{{dir}}: {{documents}}, {{passages}}, {{figures}}; {{errors}}.',
  'cli.leftOut': '{{errors}}: those files were left out of the index.',
  'cli.wrote': 'Wrote {{file}} ({{size}} KiB): {{documents}}, {{passages}}, {{figures}} in {{ms}} ms.',
  'cli.usage': [
    'Usage:',
    '  npm run ask -- "question" [--json]      answer a question',
    '  npm run figure -- "topic" [--json]      look up a figure',
    '  npm run sources [-- --json]             list the documents',
    '  npm run build-index [-- --out PATH]     write the prebuilt index (into the knowledge folder, or PATH);',
    '                                          prints every problem, exits 1 on any error',
    '  npm run check-knowledge                 validate every document; exits 1 on any error',
    'With no question and piped input, ask and figure read one question per line and print JSON Lines.',
    'KNOWLEDGE_DIR chooses the knowledge folder (default: knowledge/).',
  ].join('\n'),
  'cli.noQuestion': 'Give a question.',
  'cli.noTopic': 'Give a topic.',
  'cli.unknownCommand': 'Unknown command "{{command}}".',
  'cli.unknownOption': "Unknown option '{{option}}'.",
  'cli.missingValue': "Option '{{option}}' needs a value.",
  'cli.unexpectedArgument': "Unexpected argument '{{argument}}'.",
  'cli.readOnly':
    'Cannot write the index into {{dir}} ({{code}}): the folder is read-only. Fix: write it elsewhere with `npm run build-index -- --out PATH` and set KNOWLEDGE_INDEX_FILE=PATH.',
  'cli.stopped': 'factdesk stopped: {{message}} (LOG_FORMAT=json prints the details)',
  'start.usage': [
    'Usage: npm start [-- --shards auto|N]',
    '  With DISCORD_TOKEN set: the Discord bot over the gateway (--shards: one process per shard).',
    '  Without it: the local console on the knowledge folder (type a question, or /help).',
    'Settings are environment variables; see .env.example.',
  ].join('\n'),

  // Local console
  'console.counts': 'factdesk: {{documents}}, {{passages}}, {{figures}} from {{dir}}',
  'console.noToken':
    'Local console (no DISCORD_TOKEN set). To connect to Discord, set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).',
  'console.usage':
    'Type a question, or /ask <question>, /figure <topic>, /more, /cite, /sources, /help. Ctrl+D to quit.',
  // The console's own commands: `/more` and `/cite` press the buttons of the last answer.
  'console.more.name': 'more',
  'console.cite.name': 'cite',
  'console.help.intro':
    'Type a question to get the passages that answer it, with their citations and figures. Or:',
  'console.help.askExample': "/ask How big was Guangdong's economy in 2023?",
  'console.help.ask': 'the same, spelled out',
  'console.help.figureExample': '/figure GDP',
  'console.help.figure': 'one figure: the number, what it measures, its sentence',
  'console.help.more': 'the next passages of the last answer',
  'console.help.cite': 'a citation of the last answer, ready to paste',
  'console.help.sources': 'the documents I answer from',
  'console.help.help': 'this help',
  'console.help.quit': 'Ctrl+D or Ctrl+C quits.',
  'console.ask.empty': "Type a question after /ask, e.g. /ask How big was Guangdong's economy in 2023?",
  'console.figure.empty': 'Name a topic after /figure, e.g. /figure GDP',
  'console.more.none': 'No more passages: ask a question first, or this answer had no more.',
  'console.cite.none': 'Nothing to cite yet: ask a question first.',
  'console.form': '(a form: {{title}})',

  // /insights and feedback
  'insights.name': 'insights',
  'insights.description': 'What people asked, what went unanswered, which answers got 👎 (Manage Server)',
  'insights.period.name': 'period',
  'insights.period.description': 'How far back to look (default: 7 days)',
  'insights.period.choice': 'Last {{n}} days',
  'insights.forbidden': 'Only members with **Manage Server** can see insights.',
  'insights.off': 'Insights are off here (`INSIGHTS=off`): no questions are being kept.',
  'insights.unavailable':
    'The insights database is not answering right now; answers still work. Try again later.',
  'insights.title': 'Insights: the last {{n}} days',
  'insights.summary': 'Questions asked: **{{asked}}**, **{{share}}%** answered ({{answered}}).',
  'insights.unanswered': 'Top unanswered questions',
  'insights.unanswered.none': 'None: every question found an answer.',
  'insights.topics': 'Most asked topics',
  'insights.topics.none': 'None yet.',
  'insights.disliked': 'Answers with the most 👎',
  'insights.disliked.none': 'None.',
  'insights.more': '…and {{n}} more',
  'insights.footer': 'Who asked is never kept: user ids are stored only as salted hashes.',
  'help.insights':
    '**/insights** (Manage Server) — what people asked, what went unanswered, and which answers got 👎 (rate an answer with 👍 or 👎 under it).',
  'feedback.thanks': 'Thanks for the feedback!',
  'feedback.off': 'Feedback is not being kept here.',
  'feedback.lost': "I can't read that button any more. Ask again with `/ask`.",
  'feedback.formLost': "I can't read that form any more. Thanks all the same!",
  'feedback.title': 'What was wrong?',
  'feedback.label': 'What was wrong? (optional)',
  'feedback.placeholder': 'e.g. the figure is from the wrong year',

  // /knowledge replies (add, remove, list) and why a document was refused
  'knowledge.reply.forbidden': 'You need the Manage Server permission to change the documents.',
  'knowledge.reply.unavailable': 'Documents cannot be added or removed here.',
  'knowledge.reply.replicas':
    'This bot runs as {{replicas}} replicas without a database they share, so a document added here would reach only one of them. Give every replica the same PostgreSQL `DATABASE_URL`, or add the document to the shared knowledge folder (or the repository), rebuild the index and roll the replicas.',
  'knowledge.reply.attach': 'Attach the document to the `file` option.',
  'knowledge.reply.added': 'Added **{{title}}** as `{{file}}`: {{passages}}, {{figures}}.',
  'knowledge.reply.replaced': 'Replaced **{{title}}** as `{{file}}`: {{passages}}, {{figures}}.',
  'knowledge.reply.serving': 'Now serving {{documents}}.',
  'knowledge.reply.reloadFailed': 'The reload failed; the previous knowledge is still serving.',
  'knowledge.reply.problems': 'Problems:',
  'knowledge.reply.removed': 'Removed **{{title}}** (`{{file}}`). Now serving {{documents}}.',
  'knowledge.reply.noDocument': 'No document `{{name}}`. Pick one from the list as you type.',
  'knowledge.reply.usage': 'Use `/knowledge add`, `/knowledge remove` or `/knowledge list`.',
  'knowledge.reply.listHead': '{{documents}}:',
  'knowledge.reply.listLine': '• **{{title}}** (`{{file}}`): {{passages}}',
  'knowledge.reply.listMore': '\n…and {{n}} more',
  'knowledge.error.type': '{{name}} is not a type factdesk reads. Send one of {{types}}.',
  'knowledge.error.name': '{{name}} gives no usable file name: give the file a name with letters or digits.',
  'knowledge.error.tooBig': 'The file is {{size}}, over the {{limit}} limit.',
  'knowledge.error.noLink': 'The attachment has no http(s) link to download.',
  'knowledge.error.timeout': 'The download took longer than {{seconds}} s; try again.',
  'knowledge.error.unreachable': 'The attachment could not be downloaded; try again.',
  'knowledge.error.http': 'The attachment could not be downloaded (HTTP {{status}}); try again.',
  'knowledge.error.brokeOff': 'The download broke off; try again.',
  'knowledge.error.readOnly':
    'The knowledge folder is read-only here, so documents cannot be added from Discord. Add the file to the folder where it is kept (shared storage, or the repository), rebuild the index and restart.',
  'knowledge.error.exists':
    '{{name}} is already in the knowledge folder. Send it again with replace: True to overwrite it.',
  'knowledge.error.invalid': '{{name}} was not added: {{reasons}}.',
  'knowledge.error.outside': 'That document is not in the knowledge folder.',
  'knowledge.error.sharedDown':
    'The database the replicas share is not answering, so no replica was changed. Try again in a moment.',
} as const;

/** The key of one message of the catalog. */
export type MessageKey = keyof typeof en;

/** A catalog in another language: every key of the English one, each with its text. */
export type Catalog = { readonly [key in MessageKey]: string };
