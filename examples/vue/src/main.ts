import { createApp } from 'vue';
import 'inbox-elements'; // registers every element
import App from './App.vue';
import './app.css';

createApp(App).mount('#app');
