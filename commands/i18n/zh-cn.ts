import type { Catalog } from './en.js';

/** factdesk in Simplified Chinese (Discord locale `zh-CN`). */
export const zhCN: Catalog = {
  'ask.name': '提问',
  'ask.description': '提一个问题：给出回答它的段落，附出处和数据',
  'ask.question.name': '问题',
  'ask.question.description': '你的问题，例如“广东有多少家高新技术企业？”',
  'ask.share.name': '分享',
  'ask.share.description': '把回答发到频道里（默认只有你能看到）',
  'ask.for.name': '发给',
  'ask.for.description': '把回答发到频道里给这个人（只提醒此人）',
  'figure.name': '数据',
  'figure.description': '快速查一个数据：数值、它衡量什么、出自哪里',
  'figure.topic.name': '主题',
  'figure.topic.description': '数据衡量的是什么，例如“地区生产总值”或“高新技术企业”',
  'figure.share.name': '分享',
  'figure.share.description': '把数据发到频道里（默认只有你能看到）',
  'figure.for.name': '发给',
  'figure.for.description': '把数据发到频道里给这个人（只提醒此人）',
  'sources.name': '来源',
  'sources.description': '列出 factdesk 回答所依据的文档，附日期和数量',
  'help.name': '帮助',
  'help.description': 'factdesk 能做什么，以及每个命令的用法',
  'reload.name': '重新加载',
  'reload.description': '不重启即重新加载知识库文件夹（需要“管理服务器”权限）',
  'findInFactdesk.name': '在 factdesk 中查找',

  'count.document.one': '{{n}} 份文档',
  'count.document.other': '{{n}} 份文档',
  'count.passage.one': '{{n}} 个段落',
  'count.passage.other': '{{n}} 个段落',
  'count.figure.one': '{{n}} 个数据',
  'count.figure.other': '{{n}} 个数据',
  'count.error.one': '{{n}} 个错误',
  'count.error.other': '{{n}} 个错误',

  'ask.empty': '问我点什么吧，例如 `/提问 问题: 广东有多少家高新技术企业？`',
  'figure.empty': '请说出一个主题，例如 `/数据 主题: 地区生产总值`。',
  'notFound.message': '在 {{knowledge}}（{{documents}}）中没有找到“{{what}}”的答案。{{tries}}',
  'notFound.tries': '\n可以试试这些主题：{{topics}}。',
  'list.quoted': '“{{text}}”',
  'list.separator': '、',
  'answer.sameMetric': '各文档报告的数值（最新的在前）',
  'answer.nextClosest': '相近的数据',

  'button.share': '分享到频道',
  'button.more': '更多',
  'button.cite': '引用',
  'share.gone': '这个回答已无法分享。请用 `/提问` 再问一次。',
  'more.lost': '我找不到这个问题了。请用 `/提问` 再问一次。',
  'more.none': '没有更多回答这个问题的段落了。',
  'cite.none': '这条消息里没有可以引用的内容。',
  'findInFactdesk.empty': '这条消息没有可以查找的文字。',
  'audience.for': '给 {{target}}（{{asker}} 提问）：',
  'audience.askedBy': '{{asker}} 提问',

  'help.intro': '我根据 {{knowledge}} 中的 {{documents}}回答问题，并给出它们引用的段落和数据。',
  'help.ask':
    '**/提问** `问题` — 回答你问题的段落，附出处和其中的数据。回答默认只有你能看到；加上 `分享: True` 发给所有人，或用 `发给: @某人` 发给此人。',
  'help.figure': '**/数据** `主题` — 快速查一个数据：数值、它衡量什么、出自哪一句。输入时会有提示。',
  'help.sources': '**/来源** — factdesk 回答所依据的文档。',
  'help.findInFactdesk':
    '**在 factdesk 中查找**（右键点击消息 → 应用）— 在文档中查找这条消息；如果它引用了数字，就找出这个数字的出处。',
  'help.buttons':
    '回答下方：**{{share}}** 发给所有人（不提醒任何人），**{{more}}** 显示接下来的段落，**{{cite}}** 给出可粘贴的引用。',
  'help.reload': '**/重新加载**（需要“管理服务器”权限）— 不重启即重新加载文档。',

  'sources.line': '• {{title}}{{meta}}：{{passages}}，{{figures}}',
  'sources.more': '\n……还有 {{n}} 份',
  'sources.title': '{{knowledge}}：{{documents}}',
  'sources.empty': '知识库文件夹里还没有文档。',
  'sources.footer': '{{passages}} · {{figures}} · factdesk',

  'reload.failed': '重新加载失败；仍在使用之前的知识库（{{counts}}）。\n{{problems}}',
  'reload.done': '已重新加载：{{counts}}。',
  'reload.problems': '\n{{n}} 个问题，这些文件已跳过：\n{{problems}}',

  'dispatch.unknown': '我不认识这个命令。试试 `/帮助` 看看我能做什么。',
  'dispatch.rateLimited': '你问得太快了！请 {{seconds}} 秒后再试。',
  'dispatch.failed': '抱歉，我这边出了问题。如果一直这样，请把这个编号告诉管理员：`{{errorId}}`。',

  'http.nothing': '抱歉，这里没有可以显示的内容。',
  'http.unsupported': '抱歉，我处理不了这类交互。试试 `/帮助`。',

  'cli.checked': '{{dir}}：{{documents}}，{{passages}}，{{figures}}；{{errors}}。',
  'cli.wrote':
    '已写入 {{file}}（{{size}} KiB）：{{documents}}，{{passages}}，{{figures}}，用时 {{ms}} 毫秒。',

  'console.counts': 'factdesk：{{documents}}，{{passages}}，{{figures}}，来自 {{dir}}',
  'console.noToken':
    '本地控制台（未设置 DISCORD_TOKEN）。要连接 Discord，请设置 DISCORD_TOKEN 和 DISCORD_APPLICATION_ID（见 .env.example）。',
  'console.usage':
    '输入一个问题，或 /提问 <问题>、/数据 <主题>、/来源、/帮助（英文命令名也可以）。按 Ctrl+D 退出。',
};
