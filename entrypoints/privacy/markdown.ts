// PRIVACY.md as DOM, for the privacy page the options page links to: the file itself is the one
// text, in the package and in the repository. Only what that file uses — headings, paragraphs,
// tables, rules, **bold** and `code` — and only textContent (no HTML sinks).

function inline(parent: Node, text: string): void {
  // **bold** and `code`; anything else is text.
  for (const part of text.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
    if (!part) continue;
    const bold = part.startsWith('**') && part.endsWith('**') && part.length > 4;
    const code = part.startsWith('`') && part.endsWith('`') && part.length > 2;
    if (bold || code) {
      const el = document.createElement(bold ? 'strong' : 'code');
      el.textContent = bold ? part.slice(2, -2) : part.slice(1, -1);
      parent.appendChild(el);
    } else parent.appendChild(document.createTextNode(part));
  }
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function renderMarkdown(markdown: string, into: HTMLElement): void {
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n{2,}/);
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    const heading = block.match(/^(#{1,3}) (.+)$/);
    if (heading) {
      const h = document.createElement(`h${(heading[1] as string).length}`);
      inline(h, heading[2] as string);
      into.appendChild(h);
    } else if (block === '---') {
      into.appendChild(document.createElement('hr'));
    } else if (block.startsWith('|')) {
      const rows = block.split('\n').filter((r) => !/^\|[\s|:-]+\|$/.test(r.trim()));
      const table = document.createElement('table');
      rows.forEach((row, i) => {
        const tr = document.createElement('tr');
        for (const cell of cells(row)) {
          const td = document.createElement(i === 0 ? 'th' : 'td');
          inline(td, cell);
          tr.appendChild(td);
        }
        table.appendChild(tr);
      });
      into.appendChild(table);
    } else {
      const p = document.createElement('p');
      inline(p, block.replace(/\n/g, ' '));
      into.appendChild(p);
    }
  }
}
