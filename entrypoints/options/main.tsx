import '../../utils/zod-setup';
import '../../components/lupa.css';
import './options.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { OPTIONS_PARTS } from './parts';

// The parts' first answers are asked for now, while the settings load and React renders the page.
for (const part of OPTIONS_PARTS) part.preload?.();

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
