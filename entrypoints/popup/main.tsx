import '../../utils/zod-setup';
import '../../components/lupa.css';
import './popup.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { POPUP_PARTS } from './parts';

// The parts' first answers are asked for now, while React renders the page around them.
for (const part of POPUP_PARTS) part.preload?.();

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
