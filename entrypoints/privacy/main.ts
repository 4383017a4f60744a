// The privacy page (privacy.html, linked from the options page): PRIVACY.md, shipped in the package.
import '../../components/lupa.css';
import './privacy.css';
import privacy from '../../PRIVACY.md?raw';
import { renderMarkdown } from './markdown';

const root = document.getElementById('root');
if (root) renderMarkdown(privacy, root);
