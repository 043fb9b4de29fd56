import './style.css';
import { monoConfig } from './lib/mono-connect/config.js';
import { wireMonoConnect } from './lib/mono-connect/mono-connect-dom.js';

wireMonoConnect(monoConfig);
