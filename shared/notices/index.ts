export * from './types';
export * from './fields';
export * from './format';
export * from './model';
export * from './availability';
export * from './styles';
export { NoticeView, type NoticeViewProps } from './components/NoticeView';
