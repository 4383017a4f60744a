import '../../utils/zod-setup';
import '../../components/lupa.css';
import './popup.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
